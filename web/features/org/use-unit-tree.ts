// State of the lazily loaded unit tree: the roots of the user's reach, each loaded node's children
// (fetched with parentCode when the node is first opened), and which nodes are open.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserView } from '../../../common/contracts/auth.ts';
import { findUnit, orgQueries, type UnitView } from './org-api.ts';
import { isCommune } from './unit-kinds.ts';

export type TreeNode = {
  unit: UnitView;
  expanded: boolean;
  /** null until loaded */
  children: string[] | null;
  total: number;
  loading: boolean;
  error: unknown;
};

export type TreeStatus =
  { kind: 'idle' } | { kind: 'loading'; name: string } | { kind: 'loaded'; name: string; count: number };

type State = { roots: string[] | null; rootsError: unknown; nodes: Record<string, TreeNode> };

const EMPTY: State = { roots: null, rootsError: null, nodes: {} };

const newNode = (unit: UnitView): TreeNode => ({
  unit,
  expanded: false,
  children: null,
  total: 0,
  loading: false,
  error: null,
});

/** A node that may have children: not a commune, and not known to be empty. */
export function isExpandable(node: TreeNode): boolean {
  if (isCommune(node.unit)) return false;
  return node.children === null || node.children.length > 0;
}

export function useUnitTree(user: UserView) {
  const [state, setState] = useState<State>(EMPTY);
  const [status, setStatus] = useState<TreeStatus>({ kind: 'idle' });
  // The ref is the source of truth, updated synchronously, so that a sequence of awaits (reveal)
  // sees the children loaded by the previous step before React has re-rendered.
  const stateRef = useRef(state);
  const apply = useCallback((change: (s: State) => State) => {
    stateRef.current = change(stateRef.current);
    setState(stateRef.current);
  }, []);
  const client = useQueryClient();
  const roots = useQuery(orgQueries.roots(user));
  const { data: rootUnits, error: rootsError } = roots;

  useEffect(() => {
    if (rootUnits) {
      const nodes: Record<string, TreeNode> = {};
      for (const u of rootUnits) nodes[u.code] = newNode(u);
      apply(() => ({ roots: rootUnits.map((u) => u.code), rootsError: null, nodes }));
    } else if (rootsError) apply(() => ({ roots: [], rootsError, nodes: {} }));
    else apply(() => EMPTY);
  }, [rootUnits, rootsError, apply]);

  const patch = useCallback(
    (code: string, change: Partial<TreeNode>) =>
      apply((s) => {
        const node = s.nodes[code];
        if (!node) return s;
        return { ...s, nodes: { ...s.nodes, [code]: { ...node, ...change } } };
      }),
    [apply],
  );

  const loadChildren = useCallback(
    async (code: string): Promise<void> => {
      const node = stateRef.current.nodes[code];
      if (!node || node.loading) return;
      patch(code, { loading: true, error: null });
      setStatus({ kind: 'loading', name: node.unit.name });
      try {
        const page = await client.fetchQuery(orgQueries.children(code));
        apply((s) => {
          const nodes = { ...s.nodes };
          for (const u of page.items) nodes[u.code] ??= newNode(u);
          const current = nodes[code];
          if (current) {
            nodes[code] = {
              ...current,
              loading: false,
              children: page.items.map((u) => u.code),
              total: page.total,
            };
          }
          return { ...s, nodes };
        });
        setStatus({ kind: 'loaded', name: node.unit.name, count: page.total });
      } catch (error) {
        patch(code, { loading: false, error, expanded: false });
        setStatus({ kind: 'idle' });
      }
    },
    [patch, apply, client],
  );

  const expand = useCallback(
    async (code: string): Promise<void> => {
      const node = stateRef.current.nodes[code];
      if (!node || !isExpandable(node)) return;
      patch(code, { expanded: true });
      if (node.children === null || node.error) await loadChildren(code);
    },
    [patch, loadChildren],
  );

  const collapse = useCallback((code: string) => patch(code, { expanded: false }), [patch]);

  /** Open every ancestor of `unit` so that it shows in the tree; false when it cannot be placed. */
  const reveal = useCallback(
    async (unit: UnitView): Promise<boolean> => {
      const chain: UnitView[] = [];
      let current = unit;
      const inTree = (code: string) => stateRef.current.nodes[code] !== undefined;
      while (!(stateRef.current.roots ?? []).includes(current.code)) {
        if (current.parentCode === null) return false;
        const parent =
          stateRef.current.nodes[current.parentCode]?.unit ??
          (await findUnit(current.parentCode, current.level - 1).catch(() => null));
        if (!parent) return false;
        chain.unshift(parent);
        current = parent;
      }
      for (const ancestor of chain) {
        const node = stateRef.current.nodes[ancestor.code];
        if (!node) return false;
        if (!node.expanded || node.children === null) await expand(ancestor.code);
      }
      return inTree(unit.code);
    },
    [expand],
  );

  const { refetch } = roots;
  const retryRoots = useCallback(() => void refetch(), [refetch]);

  return { ...state, status, expand, collapse, reveal, retryRoots, loadChildren };
}
