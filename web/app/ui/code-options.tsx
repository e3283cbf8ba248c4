// The options of a select among named things (agencies, …), each valued by its code; the names are
// data, in Vietnamese whatever the interface's language.
export function CodeOptions({ items }: { items: readonly { code: string; name: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.code} value={item.code} lang="vi">
          {item.name}
        </option>
      ))}
    </>
  );
}
