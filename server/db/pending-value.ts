// A value only SQL knows while the statement that writes it is built: the new dossier's code, taken
// by a counter in the same statement. Values that hold it are built with its placeholder and sent as
// SQL that puts the value in their place (PendingValue.text, .json), so the rows, the stored answer
// and the audit entry that name it go in the one statement that takes it (intake.writer.ts).
import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

export type PendingValue = {
  /** Stands for the value in the texts and JSON given to `text` and `json`: random per statement. */
  placeholder: string;
  /** The value as SQL. */
  sql: RawBuilder<string>;
  /** The text, with the value in place of its placeholder. */
  text(text: string): RawBuilder<string>;
  /** The value's JSON as jsonb, with the value in place of its placeholder (typed as JSON columns take it). */
  json(value: unknown): RawBuilder<string>;
};

/**
 * A pending value computed by `value` in the statement. Its placeholder is letters and digits only, so
 * JSON text keeps it as it is; it is random (96 bits) per statement, so no text a caller sends holds
 * it by chance. A text without it is sent as it is.
 */
export function pendingValue(value: RawBuilder<string>): PendingValue {
  const placeholder = `pending${randomBytes(12).toString('hex')}`;
  const text = (t: string): RawBuilder<string> =>
    t.includes(placeholder) ? sql<string>`replace(${t}, ${placeholder}, ${value})` : sql<string>`${t}`;
  return {
    placeholder,
    sql: value,
    text,
    json: (v) => sql<string>`(${text(JSON.stringify(v))})::jsonb`,
  };
}
