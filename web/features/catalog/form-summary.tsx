// A read-only outline of the declaration form (tờ khai), read from its JSON Schema: each item's
// title, nested groups, and which items are required. Filling it in online is a later step.
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { JsonSchema } from './catalog-api.ts';

export type FormItem = {
  key: string;
  title: string;
  required: boolean;
  options: string[];
  children: FormItem[];
};

const MAX_DEPTH = 5;

/** `#/$defs/x` (or `#/definitions/x`) of the root schema; anything else is left unresolved. */
function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (!ref) return schema;
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2]!] : undefined;
  // Keywords beside the $ref (a title of its own) win over the target's.
  return target ? { ...target, ...schema, $ref: undefined } : schema;
}

/** The items of an object schema, in the schema's order. */
export function formItems(root: JsonSchema, schema: JsonSchema = root, depth = 0): FormItem[] {
  const resolved = resolve(root, schema);
  const target = resolved.items ? resolve(root, resolved.items) : resolved;
  const properties = target.properties ?? {};
  const required = new Set(target.required ?? []);
  return Object.entries(properties).map(([key, raw]) => {
    const property = resolve(root, raw);
    const inner = property.items ? resolve(root, property.items) : property;
    return {
      key,
      title: property.title ?? key,
      required: required.has(key),
      options: (property.enum ?? []).filter((v): v is string => typeof v === 'string'),
      children: depth < MAX_DEPTH && inner.properties ? formItems(root, inner, depth + 1) : [],
    };
  });
}

function Items({ items, required }: { items: FormItem[]; required: string }) {
  return (
    <ul className="form-items">
      {items.map((item) => (
        <li key={item.key}>
          <span className="form-item-title">{item.title}</span>
          {item.required ? <span className="required-mark"> ({required})</span> : null}
          {item.options.length > 0 ? <span className="muted">: {item.options.join(' / ')}</span> : null}
          {item.children.length > 0 ? <Items items={item.children} required={required} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function FormSummary({ schema, generic }: { schema: JsonSchema; generic: boolean }) {
  const { t } = useI18n();
  const items = formItems(schema);
  return (
    <>
      {generic ? <p className="note">{t.procedure.form.generic}</p> : null}
      {schema.title ? <h3 className="subsection-heading">{schema.title}</h3> : null}
      {items.length === 0 ? (
        <p className="muted">{t.procedure.form.none}</p>
      ) : (
        <>
          <p className="hint">{t.procedure.form.intro}</p>
          <Items items={items} required={t.procedure.form.required} />
        </>
      )}
    </>
  );
}
