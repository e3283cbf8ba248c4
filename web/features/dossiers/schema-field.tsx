// One field of the schema-driven form (schema-form.tsx) by its schema: an object as a fieldset of its
// fields, an array as rows added and removed, a tick box for a boolean that must be true; every other
// kind is a scalar control (schema-input.tsx).
import { useRef, type ReactNode } from 'react';
import { FieldError, RequiredMark } from '../../app/ui/field-parts.tsx';
import type { Ctx } from './schema-parts.tsx';
import { ScalarField } from './schema-input.tsx';
import {
  describe,
  fieldId,
  getAt,
  initialValue,
  kind,
  orderedProperties,
  resolve,
  setAt,
  type FormSchema,
  type Path,
} from './schema-values.ts';

/**
 * Stable keys for the rows of an array field, so that a row keeps its state (an upload under way, its
 * progress) when a row above it is removed. Rows are plain values without ids: the keys live beside
 * them, told of each add and remove; a value replaced from outside (a reset) gets keys for its length.
 */
function useRowKeys(length: number) {
  const state = useRef({ keys: [] as number[], next: 0 });
  const s = state.current;
  while (s.keys.length < length) s.keys.push(s.next++);
  if (s.keys.length > length) s.keys.length = length;
  return {
    at: (i: number) => s.keys[i],
    add: () => {
      s.keys.push(s.next++);
    },
    remove: (i: number) => {
      s.keys.splice(i, 1);
    },
  };
}

/** An object's or a list's fields, under its title, with its hint and error. */
function Group({
  id,
  title,
  required,
  invalid,
  notes,
  children,
}: {
  id: string;
  title: string;
  required: boolean;
  invalid: boolean;
  /** The hint and the error, between the title and the fields. */
  notes: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className={invalid ? 'schema-group field-invalid' : 'schema-group'} id={id} tabIndex={-1}>
      <legend>
        {title}
        {required ? <RequiredMark /> : null}
      </legend>
      {notes}
      {children}
    </fieldset>
  );
}

export function Field({
  ctx,
  schema,
  path,
  required,
}: {
  ctx: Ctx;
  schema: FormSchema;
  path: Path;
  required: boolean;
}) {
  const { t, root, errors, idPrefix } = ctx;
  const s = resolve(root, schema);
  const k = kind(s);
  const id = fieldId(idPrefix, path);
  const key = path.join('/');
  const error = errors[key];
  const hint = describe(root, s);
  const title = s.title ?? path.at(-1) ?? '';
  const value = getAt(ctx.value, path);
  const rowKeys = useRowKeys(Array.isArray(value) ? value.length : 0);
  const set = (v: unknown) => ctx.onChange(setAt(ctx.value, path, v));
  const errorNode = <FieldError id={id} error={error} />;
  const hintNode = hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const describedBy =
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const group = {
    id,
    title,
    required,
    invalid: Boolean(error),
    notes: (
      <>
        {hintNode}
        {errorNode}
      </>
    ),
  };

  if (k === 'object') {
    return (
      <Group {...group}>
        <Fields ctx={ctx} schema={s} path={path} />
      </Group>
    );
  }

  if (k === 'array') {
    const rows = Array.isArray(value) ? (value as unknown[]) : [];
    const item = resolve(root, s.items ?? {});
    const max = s.maxItems ?? 50;
    return (
      <Group {...group}>
        <ol className="schema-rows">
          {rows.map((_, i) => (
            <li key={rowKeys.at(i)}>
              <fieldset className="schema-row">
                <legend>{`${item.title ?? title} ${i + 1}`}</legend>
                <Fields ctx={ctx} schema={item} path={[...path, String(i)]} />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    rowKeys.remove(i);
                    set(rows.filter((__, j) => j !== i));
                  }}
                >
                  {t.dossiers.form.removeRow}
                  <span className="visually-hidden"> {`${item.title ?? title} ${i + 1}`}</span>
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        {rows.length < max ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              rowKeys.add();
              set([...rows, initialValue(root, item) ?? {}]);
            }}
          >
            {t.dossiers.form.addRow(item.title ?? title)}
          </button>
        ) : null}
      </Group>
    );
  }

  if (k === 'boolean' && s.const === true) {
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        {errorNode}
        <div className="field-checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(e.target.checked ? true : undefined)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            aria-required={required || undefined}
          />
          <label htmlFor={id}>
            {title}
            {required ? <RequiredMark /> : null}
          </label>
        </div>
        {hintNode}
      </div>
    );
  }

  return (
    <ScalarField
      ctx={ctx}
      schema={s}
      field={{ kind: k, id, path, title, value, required, error, describedBy }}
      hint={hintNode}
      errorNode={errorNode}
    />
  );
}

export function Fields({ ctx, schema, path }: { ctx: Ctx; schema: FormSchema; path: Path }) {
  const s = resolve(ctx.root, schema);
  const required = new Set(s.required ?? []);
  return (
    <>
      {orderedProperties(s).map(([key, child]) => (
        <Field key={key} ctx={ctx} schema={child} path={[...path, key]} required={required.has(key)} />
      ))}
    </>
  );
}
