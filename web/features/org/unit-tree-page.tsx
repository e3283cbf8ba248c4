// /quan-tri/don-vi: the administrative units within the user's reach as a tree, a search, and the
// agencies of the selected unit.
import { useState } from 'react';
import type { UserView } from '../../../common/contracts/auth.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { useSession } from '../../app/session.tsx';
import { AgencyTable } from './agency-table.tsx';
import { getUnit, staffPlaces, type UnitView } from './org-api.ts';
import { PlacePicker, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { UnitTree } from './unit-tree.tsx';
import { useUnitTree, type TreeStatus } from './use-unit-tree.ts';

function statusText(t: ReturnType<typeof useI18n>['t'], status: TreeStatus): string {
  if (status.kind === 'loading') return t.units.loadingChildren(status.name);
  if (status.kind === 'loaded')
    return status.count === 0
      ? `${status.name}: ${t.units.noChildren}`
      : t.units.loadedChildren(status.name, status.count);
  return '';
}

const unitSource = staffPlaces('unit');

function UnitsView({ user }: { user: UserView }) {
  const { t } = useI18n();
  const tree = useUnitTree(user);
  const [selected, setSelected] = useState<UnitView | null>(null);
  const [activeCode, setActiveCode] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const selectFromTree = (code: string) => {
    const node = tree.nodes[code];
    if (!node) return;
    setSelected(node.unit);
    setAnnouncement(t.units.selected(node.unit.name));
  };

  const selectFromSearch = (unit: UnitView) => {
    setSelected(unit);
    setAnnouncement(t.units.selected(unit.name));
    void tree.reveal(unit).then((placed) => {
      if (placed) setActiveCode(unit.code);
    });
  };

  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const pickFromSearch = (place: PickedPlace) => {
    setPicked(place);
    void getUnit(place.code).then(
      (detail) => selectFromSearch(detail.unit),
      () => setAnnouncement(t.errors.generic),
    );
  };

  const forbidden = tree.rootsError instanceof ApiError && tree.rootsError.status === 403;

  return (
    // Source order is search, agencies, tree: on a phone the agencies of a unit chosen in the
    // search show right below it, before the long tree; on a wide screen a grid puts the tree
    // under the search and the agencies beside both.
    <div className="units-layout">
      <div className="units-search">
        <section className="panel" aria-labelledby="unit-search-heading">
          <h2 id="unit-search-heading" className="panel-heading">
            {t.units.searchHeading}
          </h2>
          <PlacePicker
            id="unit-search-input"
            label={t.units.searchLabel}
            hint={t.units.searchHint}
            source={unitSource}
            what="unit"
            value={picked}
            onPick={pickFromSearch}
            startAt={user.roles.map((r) => r.unitCode)}
            searchOnly
          />
        </section>
      </div>
      <div className="units-agencies">
        <AgencyTable unit={selected} />
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
      <section className="panel units-tree" aria-labelledby="unit-tree-heading">
        <h2 id="unit-tree-heading" className="panel-heading">
          {t.units.treeHeading}
        </h2>
        <p className="hint" id="unit-tree-hint">
          {t.units.treeHint}
        </p>
        {tree.roots === null ? (
          <p className="muted" role="status">
            {t.loading}
          </p>
        ) : tree.rootsError ? (
          <div className="inline-error" role="alert">
            <p>{forbidden ? t.errors.outOfReach : errorText(t, tree.rootsError)}</p>
            <button type="button" className="button" onClick={tree.retryRoots}>
              {t.errors.retry}
            </button>
          </div>
        ) : tree.roots.length === 0 ? (
          <p className="muted">{t.units.treeEmpty}</p>
        ) : (
          <UnitTree
            roots={tree.roots}
            nodes={tree.nodes}
            selectedCode={selected?.code ?? null}
            activeCode={activeCode}
            labelledBy="unit-tree-heading"
            describedBy="unit-tree-hint"
            onSelect={selectFromTree}
            onExpand={(code) => void tree.expand(code)}
            onCollapse={tree.collapse}
          />
        )}
        <p className="visually-hidden" role="status">
          {statusText(t, tree.status)}
        </p>
      </section>
    </div>
  );
}

export function UnitTreePage() {
  const { t } = useI18n();
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  return (
    <Page title={t.units.title} heading={t.units.title} intro={t.units.intro} className="page-wide">
      <UnitsView user={session.user} />
    </Page>
  );
}
