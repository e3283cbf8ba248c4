// An agency's receiving points (bộ phận tiếp nhận và trả kết quả): listed for everyone who reaches it;
// renamed, removed and added by unit and province administrators (the server's `may.desks`). The last
// one stays while the agency has desk officers: the server says so, and the page shows its words.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import {
  addDesk,
  orgAdminQueries,
  removeDesk,
  renameDesk,
  type AgencyDetail,
  type DeskView,
} from './org-admin-api.ts';

type Say = (text: string, warning?: boolean) => void;

export function DeskSection({ agency, onNotice }: { agency: AgencyDetail; onNotice: Say }) {
  const { t } = useI18n();
  const d = t.orgAdmin.desks;
  const client = useQueryClient();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [addName, setAddName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: orgAdminQueries.agency(agency.code).queryKey });
  const failed = (error: unknown) => onNotice(errorText(t, error), true);

  const add = useMutation({
    mutationFn: (name: string) => addDesk(agency.code, name),
    onSuccess: (desk) => {
      setAddName('');
      onNotice(d.added(desk.name));
      return reload();
    },
    onError: failed,
  });
  const rename = useMutation({
    mutationFn: (v: { desk: DeskView; name: string }) => renameDesk(v.desk.id, v.name),
    onSuccess: (desk) => {
      setRenaming(null);
      onNotice(d.renamed(desk.name));
      return reload();
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (desk: DeskView) => removeDesk(desk.id),
    onSuccess: (_, desk) => {
      onNotice(d.removed(desk.name));
      return reload();
    },
    onError: failed,
  });
  const busy = add.isPending || rename.isPending || remove.isPending;
  const may = agency.may.desks;

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (addName.trim() === '') {
      setProblem(d.enterName);
      return;
    }
    setProblem(null);
    add.mutate(addName.trim());
  };

  return (
    <section aria-labelledby="registry-desks-heading">
      <h3 id="registry-desks-heading" className="subsection-heading">
        {d.heading}
      </h3>
      {agency.desks.length === 0 ? <p>{d.none}</p> : null}
      <ul className="plain-list">
        {agency.desks.map((desk) => (
          <li key={desk.id} className="row-actions">
            {renaming === desk.id ? (
              <form
                className="field-inline"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!busy && newName.trim() !== '') rename.mutate({ desk, name: newName.trim() });
                }}
              >
                <label htmlFor={`registry-desk-${desk.id}`}>{d.newName(desk.name)}</label>{' '}
                <input
                  id={`registry-desk-${desk.id}`}
                  type="text"
                  lang="vi"
                  maxLength={300}
                  value={newName}
                  onChange={(e) => setNewName(e.target.value)}
                />{' '}
                <button type="submit" className="button button-small" aria-disabled={busy || undefined}>
                  {t.orgAdmin.save}
                </button>{' '}
                <button type="button" className="button button-small" onClick={() => setRenaming(null)}>
                  {t.orgAdmin.cancel}
                </button>
              </form>
            ) : (
              <>
                <span lang="vi">{desk.name}</span>
                {may ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        setRenaming(desk.id);
                        setNewName(desk.name);
                      }}
                    >
                      {d.rename}
                      <span className="visually-hidden"> {desk.name}</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-disabled={busy || undefined}
                      onClick={() => {
                        if (!busy) remove.mutate(desk);
                      }}
                    >
                      {d.remove}
                      <span className="visually-hidden"> {desk.name}</span>
                    </button>
                  </>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {may ? (
        <form className="editor-form" noValidate onSubmit={onAdd}>
          <FieldFrame id="registry-desk-new" label={d.name} error={problem ?? undefined}>
            {(aria) => (
              <input
                id="registry-desk-new"
                type="text"
                lang="vi"
                maxLength={300}
                value={addName}
                onChange={(e) => setAddName(e.target.value)}
                {...aria}
              />
            )}
          </FieldFrame>
          <p>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {add.isPending ? d.adding : d.add}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
