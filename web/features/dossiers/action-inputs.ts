// An action form's fields in the interface's language. The server describes each action's inputs as a
// JSON schema with Vietnamese titles (common/dossiers/actions.ts); in another language the titles,
// hints and choices are taken from the dictionary (`dossierTerms.inputs`) by the field's path, and a
// field the dictionary does not know keeps the server's words.
import type { Messages } from '../../app/i18n/vi.ts';
import type { FormSchema } from './schema-values.ts';

export function localiseInputs(t: Messages, kind: string, schema: FormSchema): FormSchema {
  if (t.lang === 'vi') return schema;
  const words = t.dossierTerms.inputs as Partial<Record<string, string>>;
  const named = (path: string, suffix = '') =>
    words[`${kind}.${path}${suffix}`] ?? words[`*.${path}${suffix}`];
  const walk = (s: FormSchema, path: string): FormSchema => {
    const out: FormSchema = { ...s };
    if (path !== '') {
      if (s.title !== undefined) out.title = named(path) ?? s.title;
      if (s.description !== undefined) out.description = named(path, '#') ?? s.description;
    }
    if (s.oneOf)
      out.oneOf = s.oneOf.map((o) => ({ ...o, title: words[`option.${String(o.const)}`] ?? o.title }));
    if (s.properties) {
      out.properties = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, walk(v, path === '' ? k : `${path}.${k}`)]),
      );
    }
    if (s.items) out.items = walk(s.items, `${path}[]`);
    return out;
  };
  return walk(schema, '');
}
