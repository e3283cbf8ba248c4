// The reads of the intake page beyond the dossier endpoints: the procedures to choose from and the
// chosen one (GET /procedures, GET /procedures/<code>), as queries. Keys start with the feature that
// owns the endpoint ('catalog'), so that its own pages share them.
import { getProcedure, searchProcedures, type ProcedureQuery } from '../catalog/catalog-api.ts';
import { featureQueries } from '../../app/query.ts';

const read = featureQueries('catalog');

export const intakeQueries = {
  procedures: (query: ProcedureQuery) =>
    read('procedures', query, (signal) => searchProcedures(query, signal)),
  procedure: (code: string) => read('procedure', code, (signal) => getProcedure(code, signal)),
};
