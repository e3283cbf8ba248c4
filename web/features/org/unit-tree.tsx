// The unit tree as an ARIA tree (role=tree/treeitem/group) with one tab stop: arrow keys move,
// Right opens (loading the children on first opening), Left closes or goes to the parent,
// Home/End jump, Enter or Space selects. Pointer: the chevron opens and closes, the name selects.
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { isExpandable, type TreeNode } from './use-unit-tree.ts';

export const treeItemId = (code: string): string => `unit-node-${code}`;

type Props = {
  roots: string[];
  nodes: Record<string, TreeNode>;
  selectedCode: string | null;
  /** The item that holds the tab stop; follows selection from outside (search). */
  activeCode: string | null;
  labelledBy: string;
  describedBy: string;
  onSelect: (code: string) => void;
  onExpand: (code: string) => void;
  onCollapse: (code: string) => void;
};

type Row = { code: string; level: number; position: number; size: number };

/**
 * The items a user can see, in order, with their place in the hierarchy. The tree is rendered flat
 * (ARIA allows it when every item carries aria-level, aria-posinset and aria-setsize), so that each
 * item's content, and hence its accessible name, is its own row and not its descendants'.
 */
function visibleRows(roots: string[], nodes: Record<string, TreeNode>): Row[] {
  const out: Row[] = [];
  const walk = (codes: string[], level: number) => {
    codes.forEach((code, i) => {
      const node = nodes[code];
      if (!node) return;
      out.push({ code, level, position: i + 1, size: codes.length });
      if (node.expanded && node.children) walk(node.children, level + 1);
    });
  };
  walk(roots, 1);
  return out;
}

function isUnder(nodes: Record<string, TreeNode>, code: string, ancestor: string): boolean {
  let current = nodes[code]?.unit.parentCode ?? null;
  while (current !== null) {
    if (current === ancestor) return true;
    current = nodes[current]?.unit.parentCode ?? null;
  }
  return false;
}

export function UnitTree(props: Props) {
  const { roots, nodes, selectedCode, activeCode, labelledBy, describedBy, onSelect, onExpand, onCollapse } =
    props;
  const { t } = useI18n();
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const moveFocus = useRef(false);
  const rows = visibleRows(roots, nodes);
  const visible = rows.map((r) => r.code);

  // The tab stop: the focused item, else the one chosen from outside, else the first.
  const tabStop =
    (focusCode && visible.includes(focusCode) && focusCode) ||
    (activeCode && visible.includes(activeCode) && activeCode) ||
    visible[0] ||
    null;

  useEffect(() => {
    if (activeCode) setFocusCode(activeCode);
  }, [activeCode]);

  useEffect(() => {
    if (!moveFocus.current || !tabStop) return;
    moveFocus.current = false;
    document.getElementById(treeItemId(tabStop))?.focus();
  }, [tabStop]);

  const focusItem = (code: string | undefined) => {
    if (!code) return;
    moveFocus.current = true;
    setFocusCode(code);
    if (code === tabStop) document.getElementById(treeItemId(code))?.focus();
  };

  const collapse = (code: string) => {
    if (tabStop && isUnder(nodes, tabStop, code)) focusItem(code);
    onCollapse(code);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !tabStop) return;
    const node = nodes[tabStop];
    if (!node) return;
    const index = visible.indexOf(tabStop);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusItem(visible[index + 1]);
        break;
      case 'ArrowUp':
        focusItem(visible[index - 1]);
        break;
      case 'Home':
        focusItem(visible[0]);
        break;
      case 'End':
        focusItem(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (isExpandable(node) && !node.expanded) onExpand(tabStop);
        else if (node.expanded && node.children?.[0]) focusItem(node.children[0]);
        break;
      case 'ArrowLeft':
        if (node.expanded && isExpandable(node)) collapse(tabStop);
        else if (
          node.unit.parentCode &&
          nodes[node.unit.parentCode] &&
          visible.includes(node.unit.parentCode)
        )
          focusItem(node.unit.parentCode);
        break;
      case 'Enter':
      case ' ':
        onSelect(tabStop);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const renderItem = ({ code, level, position, size }: Row) => {
    const node = nodes[code];
    if (!node) return null;
    const expandable = isExpandable(node);
    const open = expandable && node.expanded;
    const onRowClick = (event: MouseEvent) => {
      event.stopPropagation();
      onSelect(code);
      focusItem(code);
    };
    const onToggleClick = (event: MouseEvent) => {
      event.stopPropagation();
      focusItem(code);
      if (open) collapse(code);
      else onExpand(code);
    };
    return (
      <li
        key={code}
        id={treeItemId(code)}
        role="treeitem"
        className="tree-item"
        aria-level={level}
        aria-posinset={position}
        aria-setsize={size}
        aria-expanded={expandable ? open : undefined}
        aria-selected={selectedCode === code}
        aria-busy={node.loading || undefined}
        tabIndex={tabStop === code ? 0 : -1}
        onFocus={() => setFocusCode(code)}
      >
        <div
          className="tree-row"
          style={{ paddingInlineStart: `${(level - 1) * 1.25 + 0.25}rem` }}
          onClick={onRowClick}
        >
          {expandable ? (
            <span
              className="tree-toggle"
              aria-hidden="true"
              title={open ? t.units.collapse : t.units.expand}
              onClick={onToggleClick}
            >
              {node.loading ? (
                <span className="spinner" />
              ) : (
                <svg viewBox="0 0 16 16" width="16" height="16" focusable="false">
                  <path
                    d={open ? 'M3 6l5 5 5-5' : 'M6 3l5 5-5 5'}
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                  />
                </svg>
              )}
            </span>
          ) : (
            <span className="tree-toggle tree-leaf" aria-hidden="true" />
          )}
          <span className="tree-label" lang="vi">
            {node.unit.name}
          </span>{' '}
          <span className="tree-code">{node.unit.code}</span>
        </div>
      </li>
    );
  };

  // Notes about nodes (a failed load, more children than one page) sit below the tree: a tree
  // holds tree items only.
  const failed = rows.filter((r) => nodes[r.code]?.error);
  const truncated = rows.filter((r) => {
    const n = nodes[r.code];
    return n?.expanded && n.children !== null && n.total > n.children.length;
  });

  return (
    <>
      <ul
        role="tree"
        className="tree"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
      >
        {rows.map(renderItem)}
      </ul>
      {failed.map(({ code }) => {
        const node = nodes[code]!;
        const forbidden = node.error instanceof ApiError && node.error.status === 403;
        return (
          <div className="inline-error tree-problem" role="alert" key={code}>
            <p>
              {node.unit.name}: {forbidden ? t.errors.outOfReach : errorText(t, node.error)}
            </p>
            <button type="button" className="button" onClick={() => onExpand(code)}>
              {t.errors.retry}
            </button>
          </div>
        );
      })}
      {truncated.map(({ code }) => {
        const node = nodes[code]!;
        return (
          <p className="tree-note" key={code}>
            {node.unit.name}: {t.units.moreChildren(node.children?.length ?? 0, node.total)}
          </p>
        );
      })}
    </>
  );
}
