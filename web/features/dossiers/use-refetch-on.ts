// For a page that still counts its reloads (the citizen's dossier page passes `reloadKey`): a query
// read again whenever the count changes. Staff pages invalidate `dossierQueries.all` instead.
import { useEffect, useRef } from 'react';

export function useRefetchOn(reloadKey: number, refetch: () => Promise<unknown>): void {
  const first = useRef(reloadKey);
  useEffect(() => {
    if (reloadKey !== first.current) void refetch();
  }, [reloadKey, refetch]);
}
