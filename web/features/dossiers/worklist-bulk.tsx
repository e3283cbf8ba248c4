// Bulk actions on the dossiers selected in the worklist: claim, assign (to a specialist), forward, or
// return the result at the desk, as the officer's roles allow. Each dossier is acted on by itself with
// the version shown (the server runs the single action per dossier); the answer lists each dossier as
// done or refused with the reason: never "all done" when some were not.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { UserView } from '../../../common/contracts/auth.ts';
import { RETURN_CHANNEL_OPTIONS } from '../../../common/dossiers/index.ts';
import { BULK_ACTIONS, type BulkAction } from '../../../common/dossiers/worklists.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { dossierPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { PersonPicker } from '../staff/person-picker.tsx';
import { bulkAction, type BulkActionResult } from './worklist-api.ts';

/** The bulk actions an officer's roles may take (the server still decides for each dossier). */
export function bulkActionsFor(roles: readonly string[]): BulkAction[] {
  const allowed = new Set<BulkAction>();
  if (roles.includes('desk-officer'))
    ['forward', 'return-result'].forEach((a) => allowed.add(a as BulkAction));
  if (roles.includes('specialist')) ['claim', 'forward'].forEach((a) => allowed.add(a as BulkAction));
  if (roles.includes('leader')) ['assign', 'forward'].forEach((a) => allowed.add(a as BulkAction));
  return BULK_ACTIONS.filter((a) => allowed.has(a));
}

export function BulkBar({
  user,
  selected,
  onClear,
  onDone,
}: {
  user: UserView;
  selected: { code: string; version: number }[];
  onClear: () => void;
  onDone: (result: BulkActionResult) => void;
}) {
  const { t } = useI18n();
  const b = t.worklist.bulk;
  const actions = bulkActionsFor(user.roles.map((r) => r.role));
  const [action, setAction] = useState<BulkAction | ''>('');
  const [person, setPerson] = useState('');
  const [channel, setChannel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<BulkActionResult | null>(null);
  const run = useMutation({
    mutationFn: (v: { action: BulkAction; input: Record<string, unknown> }) =>
      bulkAction(v.action, selected, v.input),
    onSuccess: (answer) => {
      setResult(answer);
      onDone(answer);
    },
  });
  const leaderAgency = user.roles.find((r) => r.role === 'leader') ?? user.roles[0];
  const myAgency = leaderAgency ? { code: leaderAgency.agencyCode, name: leaderAgency.agencyName } : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!action) return setProblem(b.needAction);
    if (action === 'assign' && !person) return setProblem(b.needAssignee);
    if (action === 'return-result' && !channel) return setProblem(b.needChannel);
    setProblem(null);
    setResult(null);
    const input: Record<string, unknown> =
      action === 'assign'
        ? { assigneeId: person }
        : action === 'forward' && person
          ? { nextAssigneeId: person }
          : action === 'return-result'
            ? { channel }
            : {};
    run.mutate({ action, input });
  };

  if (actions.length === 0) return null;
  return (
    <section className="bulk-bar" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className="section-heading">
        {b.heading}
      </h2>
      <p role="status">{b.selected(selected.length)}</p>
      {selected.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <p className="hint">{b.note}</p>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="bulk-fields">
            <div className="field">
              <label htmlFor="bulk-action">{b.action}</label>
              <select
                id="bulk-action"
                value={action}
                onChange={(e) => {
                  setAction(e.target.value as BulkAction | '');
                  setPerson('');
                }}
              >
                <option value="">{b.choose}</option>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {b.actions[a]}
                  </option>
                ))}
              </select>
            </div>
            {(action === 'assign' || action === 'forward') && myAgency ? (
              <PersonPicker
                id="bulk-person"
                label={action === 'assign' ? b.assignee : b.nextAssignee}
                agency={myAgency}
                role="specialist"
                value={person}
                onChange={setPerson}
                required={action === 'assign'}
              />
            ) : null}
            {action === 'return-result' ? (
              <div className="field">
                <label htmlFor="bulk-channel">{b.returnChannel}</label>
                <select id="bulk-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
                  <option value="">{b.choose}</option>
                  {RETURN_CHANNEL_OPTIONS.map((o) => (
                    <option key={o.const} value={o.const}>
                      {b.returnChannels[o.const] ?? o.title}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          <p className="row-actions">
            <button type="submit" className="button button-primary" disabled={run.isPending}>
              {run.isPending ? b.running : b.run}
            </button>
            <button type="button" className="button" onClick={onClear}>
              {b.clear}
            </button>
          </p>
        </form>
      ) : null}
      {run.isError ? (
        <p className="field-error" role="alert">
          {b.failed(errorText(t, run.error))}
        </p>
      ) : null}
      {result ? (
        <div className="bulk-results" role="status">
          <p className={result.refused > 0 ? 'note note-warning' : 'note'}>
            {b.summary(result.succeeded, result.refused)}
          </p>
          <h3 className="visually-hidden">{b.resultsHeading}</h3>
          <ul>
            {result.results.map((r) => (
              <li key={r.code} className={r.ok ? 'bulk-ok' : 'bulk-refused'}>
                <Link to={dossierPath(r.code)} className="code">
                  {r.code}
                </Link>
                {': '}
                {r.ok
                  ? b.done
                  : b.refused(
                      t.lang === 'vi' ? r.error.message : (t.errors.byCode[r.error.code] ?? r.error.message),
                    )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
