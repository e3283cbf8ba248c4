// Reorganisation as an operation (issue #16.3): what an administrator describes — units formed and
// ended, agencies opened, and which agency takes over each closed agency's work — its preview, and
// the hand-overs it made.
import { Type, type Static } from 'typebox';
import { AGENCY_KINDS } from './org.ts';
import { AgencyCode, Closed, IsoDate, Nullable, UnitCode } from './common.ts';

export const REORGANISATION_LIMIT = 2000;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const ReorganisationPlan = Closed({
  name: Text(300),
  /** The legal basis (Nghị quyết, Quyết định …). */
  basis: Text(300),
  /** The first day of the new arrangement; what ends, ends the day before. */
  effectiveOn: IsoDate,
  /** Units formed on effectiveOn. */
  newUnits: Type.Optional(
    Type.Array(
      Closed({
        code: UnitCode,
        name: Text(200),
        type: Type.Enum(['Phường', 'Xã', 'Đặc khu', 'Thị trấn']),
        parentCode: UnitCode,
      }),
      { maxItems: REORGANISATION_LIMIT },
    ),
  ),
  /** Units that end the day before effectiveOn, and which units take over their territory. */
  endedUnits: Type.Optional(
    Type.Array(
      Closed({
        code: UnitCode,
        successors: Type.Array(Closed({ code: UnitCode, extent: Type.Enum(['full', 'partial']) }), {
          minItems: 1,
          maxItems: 50,
        }),
      }),
      { maxItems: REORGANISATION_LIMIT },
    ),
  ),
  /** Agencies opened on effectiveOn (a new commune's People's Committee). */
  newAgencies: Type.Optional(
    Type.Array(
      Closed({
        code: AgencyCode,
        name: Text(300),
        kind: Type.Enum(AGENCY_KINDS),
        unitCode: UnitCode,
        parentCode: Nullable(AgencyCode),
        hasDesk: Type.Boolean(),
      }),
      { maxItems: REORGANISATION_LIMIT },
    ),
  ),
  /** Each agency that closes the day before effectiveOn and the agency that takes over its work. */
  handovers: Type.Array(Closed({ from: AgencyCode, to: AgencyCode }), {
    minItems: 1,
    maxItems: REORGANISATION_LIMIT,
  }),
});
export type ReorganisationPlan = Static<typeof ReorganisationPlan>;

const Moved = Closed({
  openDossiers: Type.Integer(),
  staffGrants: Type.Integer(),
  offerings: Type.Integer(),
  workflows: Type.Integer(),
  desks: Type.Integer(),
});
export type Moved = Static<typeof Moved>;

export const HandoverView = Closed({
  id: Type.String(),
  from: Closed({ code: Type.String(), name: Type.String() }),
  to: Closed({ code: Type.String(), name: Type.String() }),
  openDossiers: Type.Integer(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
});
export type HandoverView = Static<typeof HandoverView>;

export const ReorganisationPreview = Closed({
  effectiveOn: Type.String(),
  handovers: Type.Array(
    Closed({
      from: Closed({ code: Type.String(), name: Type.String() }),
      to: Closed({ code: Type.String(), name: Type.String() }),
      moves: Moved,
    }),
  ),
  totals: Moved,
  newUnits: Type.Integer(),
  endedUnits: Type.Integer(),
  newAgencies: Type.Integer(),
});
export type ReorganisationPreview = Static<typeof ReorganisationPreview>;

export const ReorganisationView = Closed({
  id: Type.String(),
  name: Type.String(),
  basis: Type.String(),
  effectiveOn: Type.String(),
  appliedAt: Type.String(),
  appliedBy: Nullable(Type.String()),
  totals: Moved,
  handovers: Type.Array(HandoverView),
});
export type ReorganisationView = Static<typeof ReorganisationView>;

export const ReorganisationList = Closed({ items: Type.Array(ReorganisationView) });
export const ReorganisationParams = Closed({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) });
export const HandoverParams = Closed({
  id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }),
  handoverId: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }),
});
