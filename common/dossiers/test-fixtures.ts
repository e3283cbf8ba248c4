// Shared by the dossier lifecycle tests (never imported by the lifecycle).
import fc from 'fast-check';
import type { Role } from '../auth/roles.ts';
import type { InputField, InputSchema } from './input-schema.ts';
import type { ActorRelation, DossierActor, LifecycleContext, LifecycleWorkflow } from './model.ts';

/** Values that satisfy `field` (within the field's limits, kept short). */
export function arbFromSchema(field: InputField): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'string': {
      if (field.oneOf !== undefined) return fc.constantFrom(...field.oneOf.map((o) => o.const));
      if (field.format === 'date-time') {
        return fc
          .date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2030-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString());
      }
      if (field.format === 'date') {
        // Days before any action of the tests (a result is not signed after its approval).
        return fc
          .date({
            min: new Date('2015-01-01T00:00:00Z'),
            max: new Date('2019-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10));
      }
      const max = Math.min(12, field.maxLength);
      if ((field.minLength ?? 0) > 0 || field.pattern !== undefined) {
        return fc.string({ maxLength: max }).map((s) => `x${s}`.slice(0, max));
      }
      return fc.string({ maxLength: max });
    }
    case 'integer':
      return fc.integer({
        min: field.minimum ?? -1_000_000,
        max: Math.min(field.maximum ?? 1_000_000, 2 ** 40),
      });
    case 'array':
      return fc.array(arbFromSchema(field.items), {
        minLength: field.minItems ?? 0,
        maxLength: Math.max(field.minItems ?? 0, Math.min(field.maxItems, 3)),
      });
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(field.properties)) model[key] = arbFromSchema(sub);
      return fc.record(model, { requiredKeys: [...field.required] });
    }
  }
}

/** Inputs that break `schema` for sure: not an object, an unknown field, a required field missing. */
export function arbInvalidInput(schema: InputSchema): fc.Arbitrary<unknown> {
  const valid = arbFromSchema(schema) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(42, null, 'x', [], true),
    valid.map((v) => ({ ...v, unexpected: 1 })),
  ];
  if (schema.required.length > 0) {
    options.push(
      fc.tuple(valid, fc.constantFrom(...schema.required)).map(([v, key]) => {
        const copy = { ...v };
        delete copy[key];
        return copy;
      }),
    );
  }
  return fc.oneof(...options);
}

export const NO_RELATION: ActorRelation = {
  isApplicant: false,
  rolesAtReceivingAgency: [],
  rolesAtStepAgency: [],
  rolesAtResponsibleAgency: [],
};

const ALL_ROLES: readonly Role[] = ['desk-officer', 'specialist', 'leader'];

/** Every relation at once: whoever acts with it is stopped by the status alone, if at all. */
export const OMNIPOTENT: LifecycleContext = {
  relation: {
    isApplicant: true,
    rolesAtReceivingAgency: ALL_ROLES,
    rolesAtStepAgency: ALL_ROLES,
    rolesAtResponsibleAgency: ALL_ROLES,
  },
  deadline: { workingMinutesUntilDue: 10_000, workingDayMinutes: 480 },
};

export const OMNIPOTENT_ACTORS: readonly DossierActor[] = [
  { kind: 'citizen', id: 'a' },
  { kind: 'staff', id: 'a' },
  { kind: 'system', id: 'a' },
];

/** Receive → process (may send back) → approve (may send back) → return. */
export function basicWorkflow(overrides: { processCanSendBack?: boolean } = {}): LifecycleWorkflow {
  return {
    steps: [
      {
        key: 'receive',
        name: 'Tiếp nhận hồ sơ',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        canSendBack: false,
      },
      {
        key: 'process',
        name: 'Thẩm định, xử lý hồ sơ',
        role: 'specialist',
        performer: { kind: 'competent-agency' },
        canSendBack: overrides.processCanSendBack ?? true,
      },
      {
        key: 'approve',
        name: 'Phê duyệt, ký kết quả',
        role: 'leader',
        performer: { kind: 'competent-agency' },
        canSendBack: true,
      },
      {
        key: 'return',
        name: 'Trả kết quả',
        role: 'desk-officer',
        performer: { kind: 'receiving-agency' },
        canSendBack: false,
      },
    ],
  };
}

/** The basic workflow with an issuing step (a specialist's) between the approval and the return. */
export function workflowWithIssueStep(issue: { name: string; canSendBack: boolean }): LifecycleWorkflow {
  const steps = basicWorkflow().steps;
  return {
    steps: [
      ...steps.slice(0, 3),
      {
        key: 'issue',
        name: issue.name,
        role: 'specialist',
        performer: { kind: 'competent-agency' },
        canSendBack: issue.canSendBack,
      },
      steps[3]!,
    ],
  };
}

/** Freezes a value and everything in it, so a test fails if the lifecycle mutates its arguments. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
