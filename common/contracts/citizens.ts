import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';

export const CitizenView = Closed({
  fullName: Type.String(),
  /** Shown to its owner only, masked but for the last 4 digits. */
  idNumberMasked: Type.String(),
  /**
   * The whole number and the date of birth as the identity provider vouched for them, to fill the
   * declaration's requester (common/catalog/prefill.ts); the page shows the masked number elsewhere.
   */
  idNumber: Type.String(),
  birthDate: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
export type CitizenView = Static<typeof CitizenView>;

export const CitizenMeResponse = Closed({ citizen: CitizenView });

export const SignInQuery = Closed({ next: Type.Optional(Type.String({ maxLength: 500 })) });

export const CallbackQuery = Closed({
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  state: Type.Optional(Type.String({ maxLength: 500 })),
  iss: Type.Optional(Type.String({ maxLength: 500 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  session_state: Type.Optional(Type.String({ maxLength: 500 })),
});

export const PortalSettings = Closed({
  mode: Type.Enum(['local', 'national'] as const),
  /** The national portal's page of a procedure, with {code} for the procedure code. */
  nationalProcedureUrl: Type.String(),
  /** Whether citizen sign-in is configured (an identity provider). */
  citizenSignIn: Type.Boolean(),
});
export type PortalSettings = Static<typeof PortalSettings>;
