// The papers of a dossier, grouped as the catalogue groups them, each with its counts, condition,
// form and whether an electronic copy or a reused paper is accepted.
import type { DossierComponent } from '../../../common/catalog/procedure.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { groupComponents } from './procedure-view.ts';

function ComponentItem({ t, c }: { t: Messages; c: DossierComponent }) {
  const counts: string[] = [];
  if (c.originals !== null) counts.push(t.procedure.components.originals(c.originals));
  if (c.copies !== null) counts.push(t.procedure.components.copies(c.copies));
  if (c.submission) counts.push(t.catalog.submission[c.submission]);
  return (
    <li className="component-item">
      <p className="component-name">{c.name}</p>
      {counts.length > 0 ? <p className="component-meta">{counts.join(' · ')}</p> : null}
      {c.condition ? (
        <p className="component-meta">
          <span className="component-label">{t.procedure.components.condition}:</span> {c.condition}
        </p>
      ) : null}
      {c.form ? (
        <p className="component-meta">
          <span className="component-label">{t.procedure.components.form}:</span> {c.form}
        </p>
      ) : null}
      {c.electronicCopyAccepted || c.reuseAccepted ? (
        <ul className="tag-list">
          {c.electronicCopyAccepted ? <li className="tag">{t.procedure.components.electronic}</li> : null}
          {c.reuseAccepted ? <li className="tag">{t.procedure.components.reuse}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

export function Components({ t, components }: { t: Messages; components: DossierComponent[] }) {
  if (components.length === 0) return <p className="muted">{t.procedure.components.none}</p>;
  const groups = groupComponents(components);
  if (groups.length === 1 && groups[0]!.name === null) {
    return (
      <ol className="component-list">
        {components.map((c, i) => (
          <ComponentItem key={i} t={t} c={c} />
        ))}
      </ol>
    );
  }
  return (
    <>
      {groups.map((g, gi) => (
        <div key={gi} className="component-group">
          <h3 className="subsection-heading">{g.name ?? t.procedure.components.general}</h3>
          <ol className="component-list">
            {g.items.map((c, i) => (
              <ComponentItem key={i} t={t} c={c} />
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
