import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionInputs } from '../../../common/dossiers/actions.ts';
import { ACTION_KINDS } from '../../../common/dossiers/model.ts';
import { hasVietnameseLetter } from '../../../common/text/vietnamese-letters.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { localiseInputs } from './action-inputs.ts';
import type { FormSchema } from './schema-values.ts';
import type { DossierState } from '../../../common/dossiers/index.ts';

/** Every title, hint and choice of a schema. */
function words(s: FormSchema): string[] {
  return [
    ...(s.title ? [s.title] : []),
    ...(s.description ? [s.description] : []),
    ...(s.oneOf ?? []).map((o) => o.title ?? ''),
    ...Object.values(s.properties ?? {}).flatMap(words),
    ...(s.items ? words(s.items) : []),
  ];
}

/** A state that offers every field: a next step that is not the desk's, a supplement awaited. */
const state = {
  status: 'awaiting-supplement',
  step: { index: 0 },
  workflow: {
    steps: [{ role: 'desk-officer' }, { role: 'specialist' }, { role: 'leader' }, { role: 'desk-officer' }],
  },
} as unknown as DossierState;

test('#14 every action form field has English words, and Vietnamese stays as the server wrote it', () => {
  for (const kind of ACTION_KINDS) {
    const schema = actionInputs(kind, state) as FormSchema;
    const english = words(localiseInputs(en, kind, schema)).filter(hasVietnameseLetter);
    assert.deepEqual(english, [], `${kind}: no English for ${english.join(', ')}`);
    assert.deepEqual(localiseInputs(vi, kind, schema), schema);
  }
});

test('#14 the Vietnamese dictionary names fields as the server does', () => {
  const known = vi.dossierTerms.inputs;
  for (const kind of ACTION_KINDS) {
    const schema = actionInputs(kind, state) as FormSchema;
    const walk = (s: FormSchema, path: string) => {
      if (path !== '' && s.title) {
        const key = known[`${kind}.${path}`] !== undefined ? `${kind}.${path}` : `*.${path}`;
        assert.equal(known[key], s.title, `${kind}.${path}`);
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, path === '' ? k : `${path}.${k}`);
      if (s.items) walk(s.items, `${path}[]`);
    };
    walk(schema, '');
  }
});
