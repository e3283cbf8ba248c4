// The reads of the intake page beyond the dossier endpoints: the procedures to choose from and the
// chosen one (GET /procedures, GET /procedures/<code>), as queries. Keys start with the feature that
// owns the endpoint ('catalog'), so that its own pages share them; the agencies the officer's desks may
// receive the chosen procedure for (GET /dossiers/intake-agencies) are the dossiers feature's.
import type { Static } from 'typebox';
import type { ReceivableAgencies } from '../../../common/contracts/dossiers.ts';
import { getProcedure, searchProcedures, type ProcedureQuery } from '../catalog/catalog-api.ts';
import { apiGet } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

const read = featureQueries('catalog');
const readDossiers = featureQueries('dossiers');

export type ReceivableAgency = Static<typeof ReceivableAgencies>['items'][number];

export const intakeQueries = {
  procedures: (query: ProcedureQuery) =>
    read('procedures', query, (signal) => searchProcedures(query, signal)),
  procedure: (code: string) => read('procedure', code, (signal) => getProcedure(code, signal)),
  receivable: (procedure: string) =>
    readDossiers('intake-agencies', procedure, (signal) =>
      apiGet<Static<typeof ReceivableAgencies>>('/api/v1/dossiers/intake-agencies', { procedure }, signal),
    ),
};
