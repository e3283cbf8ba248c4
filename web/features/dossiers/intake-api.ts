// The reads of the intake page beyond the dossier endpoints: the procedures to choose from and the
// chosen one (GET /procedures, GET /procedures/<code>), as queries. Keys start with the feature that
// owns the endpoint ('catalog'), so that its own pages share them.
import { queryOptions } from '@tanstack/react-query';
import { getProcedure, searchProcedures, type ProcedureQuery } from '../catalog/catalog-api.ts';

export const intakeQueries = {
  procedures: (query: ProcedureQuery) =>
    queryOptions({
      queryKey: ['catalog', 'procedures', query] as const,
      queryFn: ({ signal }) => searchProcedures(query, signal),
    }),
  procedure: (code: string) =>
    queryOptions({
      queryKey: ['catalog', 'procedure', code] as const,
      queryFn: ({ signal }) => getProcedure(code, signal),
    }),
};
