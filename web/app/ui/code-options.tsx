// The options of a select among named things (agencies, …), each valued by its code.
export function CodeOptions({ items }: { items: readonly { code: string; name: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.code} value={item.code}>
          {item.name}
        </option>
      ))}
    </>
  );
}
