// What the web app shows of the deployment itself (GET /api/v1/deployment, public): the province it
// serves, named in the header and the page title, and its emblem when one is configured (#14).
import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';

export const DeploymentInfo = Closed({
  province: Closed({
    /** "Thành phố Hà Nội" (PROVINCE_NAME); null: not configured. */
    name: Nullable(Type.String()),
    /** The emblem's address (PROVINCE_EMBLEM); null: no emblem is configured or its file is unreadable. */
    emblemUrl: Nullable(Type.String()),
  }),
  /** Where the officers' pages reach the VGCA signing plugin on their PC (VGCA_PLUGIN_URL, #19). */
  signingPluginUrl: Type.String(),
});
export type DeploymentInfo = Static<typeof DeploymentInfo>;

export const EMBLEM_PATH = '/api/v1/deployment/emblem';
