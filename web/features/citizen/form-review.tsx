// The declaration as the applicant filled it, read-only, for the review step: the form's titles as the
// labels, groups as sub-lists, dates and yes/no in words; what was left blank is not shown. The form's
// titles and the answers are data (Vietnamese whatever the interface's language, `lang="vi"`).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatInstant, formatShortDate } from '../calendar/vn-time.ts';
import { orderedProperties, type FormSchema } from '../dossiers/schema-form.tsx';

function resolve(root: FormSchema, schema: FormSchema): FormSchema {
  const m = schema.$ref ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref) : null;
  const target = m ? root.$defs?.[m[1]!] : undefined;
  return target ? { ...target, ...schema } : schema;
}

function kind(s: FormSchema): string {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  return t ?? (s.properties ? 'object' : 'string');
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value in words: yes/no and dates in the interface's language, the rest as the applicant wrote it
 * or as the form names it (data, marked `lang="vi"`). */
function scalarText(t: Messages, s: FormSchema, value: unknown): ReactNode {
  if (typeof value === 'boolean') return value ? t.dossiers.form.yes : t.dossiers.form.no;
  const option = s.oneOf?.find((o) => o.const === value);
  if (option?.title) return <span lang="vi">{option.title}</span>;
  if (typeof value === 'string' && s.format === 'date') return formatShortDate(value);
  if (typeof value === 'string' && s.format === 'date-time') return formatInstant(t, value);
  return (
    <span lang="vi">
      {typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}
    </span>
  );
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.values(value).every(isEmpty);
  return false;
}

function Rows({
  t,
  root,
  schema,
  value,
}: {
  t: Messages;
  root: FormSchema;
  schema: FormSchema;
  value: unknown;
}) {
  const s = resolve(root, schema);
  if (!isRecord(value)) return null;
  const rows: ReactNode[] = [];
  for (const [key, child] of orderedProperties(s)) {
    const v = value[key];
    if (isEmpty(v)) continue;
    const c = resolve(root, child);
    const title = c.title ?? key;
    const k = kind(c);
    if (k === 'object') {
      rows.push(
        <div key={key} className="review-group">
          <dt lang="vi">{title}</dt>
          <dd>
            <dl className="review-list">
              <Rows t={t} root={root} schema={c} value={v} />
            </dl>
          </dd>
        </div>,
      );
    } else if (k === 'array' && Array.isArray(v)) {
      const list: unknown[] = v;
      const item = resolve(root, c.items ?? {});
      rows.push(
        <div key={key} className="review-group">
          <dt lang="vi">{title}</dt>
          <dd>
            <ol className="review-rows">
              {list.map((row, i) => (
                <li key={i}>
                  {kind(item) === 'object' ? (
                    <dl className="review-list">
                      <Rows t={t} root={root} schema={item} value={row} />
                    </dl>
                  ) : (
                    scalarText(t, item, row)
                  )}
                </li>
              ))}
            </ol>
          </dd>
        </div>,
      );
    } else {
      rows.push(
        <div key={key}>
          <dt lang="vi">{title}</dt>
          <dd>{scalarText(t, c, v)}</dd>
        </div>,
      );
    }
  }
  return <>{rows}</>;
}

export function FormReview({ schema, value }: { schema: FormSchema; value: unknown }) {
  const { t } = useI18n();
  return (
    <dl className="review-list">
      <Rows t={t} root={schema} schema={schema} value={value} />
    </dl>
  );
}
