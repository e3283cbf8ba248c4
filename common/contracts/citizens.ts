import { Type, type Static } from 'typebox';

export const CitizenView = Type.Object(
  {
    fullName: Type.String(),
    /** Shown to its owner only, masked but for the last 4 digits. */
    idNumberMasked: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CitizenView = Static<typeof CitizenView>;

export const CitizenMeResponse = Type.Object({ citizen: CitizenView }, { additionalProperties: false });

export const SignInQuery = Type.Object(
  { next: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    iss: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
    session_state: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PortalSettings = Type.Object(
  {
    mode: Type.Enum(['local', 'national'] as const),
    /** The national portal's page of a procedure, with {code} for the procedure code. */
    nationalProcedureUrl: Type.String(),
    /** Whether citizen sign-in is configured (an identity provider). */
    citizenSignIn: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PortalSettings = Static<typeof PortalSettings>;
