// The People's Committees of the units a reorganisation form names, looked up as they are picked
// (GET /agencies?unitCode=&kind=people-committee), each cached by its unit.
import { useQueries } from '@tanstack/react-query';
import type { Committees } from './plan-form.ts';
import { reorganisationQueries } from './reorganisations-api.ts';

export function useCommittees(unitCodes: readonly string[]): Committees {
  return useQueries({
    queries: unitCodes.map((code) => reorganisationQueries.committee(code)),
    combine: (results) =>
      Object.fromEntries(
        unitCodes.map((code, i) => {
          const r = results[i];
          // A failed look-up reads as "none": the server names the hand-over left without one.
          return [code, r?.isError ? null : r?.data];
        }),
      ),
  });
}
