// The catalogue editor's routes: a draft of death registration (1.000656, published with a bare "1"
// and no unit on every channel) is read with its problems named, saved incomplete, refused on
// publishing with every problem named, fixed, published, and then taken in online.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import type { DraftContent } from '../../../common/catalog/draft-content.ts';
import { draftDiff } from '../../../common/catalog/draft-diff.ts';
import { client } from './test-kit.ts';

const CODE = '1.000656';
let rt: TestRuntime;
let api: ReturnType<typeof client>;
let admin: string;

type Problem = { path: string; code: string; severity: string; message: string };
type Editor = {
  version: number;
  status: string;
  content: DraftContent;
  problems: Problem[];
  forms: { id: string; title: string }[];
  inForce: { version: number; content: DraftContent } | null;
};

before(async () => {
  rt = await createTestRuntime();
  api = client(rt.app);
  admin = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

const editorOf = async (version: number, code = CODE) => {
  const res = await api.get(`/api/v1/procedures/${code}/versions/${version}/editor`, { cookie: admin });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Editor>();
};
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => p.path);
const online = async () =>
  (await api.get(`/api/v1/procedures/${CODE}`)).json<{
    onlineApplication: { available: boolean; reason: string | null };
  }>().onlineApplication;

test('a draft without time units is named, saved incomplete, refused, fixed, published and receivable', async () => {
  assert.deepEqual(await online(), { available: false, reason: 'no-time-limit' });
  const created = await api.post(`/api/v1/procedures/${CODE}/versions`, { cookie: admin });
  assert.equal(created.statusCode, 201, created.body);
  const v = created.json<{ version: number }>().version;

  const editor = await editorOf(v);
  assert.equal(editor.status, 'draft');
  assert.equal(editor.inForce?.version, 1);
  assert.equal(editor.content.form, 'generic');
  assert.ok(editor.forms.some((f) => f.id === 'birth-registration.schema.json'));
  assert.deepEqual(errors(editor.problems), [
    'timeLimits/direct/unit',
    'timeLimits/online/unit',
    'timeLimits/postal/unit',
  ]);
  assert.ok(editor.problems.some((p) => p.code === 'fee-amount-missing' && p.severity === 'warning'));

  // Publishing names every blocking problem by its path, with its code.
  const refused = await api.post(`/api/v1/procedures/${CODE}/versions/${v}/publish`, { cookie: admin });
  assert.equal(refused.statusCode, 422, refused.body);
  const body = errorOf(refused);
  const details = body.details as { path: string; code?: string }[];
  assert.equal(body.reason, 'PROCEDURE_DRAFT_INCOMPLETE');
  assert.deepEqual(
    details.filter((d) => !d.path.startsWith('workflows/')).map((d) => [d.path, d.code]),
    [
      ['timeLimits/direct/unit', 'time-unit-missing'],
      ['timeLimits/online/unit', 'time-unit-missing'],
      ['timeLimits/postal/unit', 'time-unit-missing'],
      // The import's flag the editor's check does not name: the council's fee has no amount or basis.
      ['feePolicy/basis', 'fee-basis-missing'],
    ],
  );

  // Saving something still incomplete is allowed: the answer names what is left.
  const half: DraftContent = structuredClone(editor.content);
  half.timeLimits.direct = { ...half.timeLimits.direct!, unit: 'working-day' };
  half.components.push({ ...half.components[0]!, name: '', originals: 0, copies: 0 });
  const saved = await api.put(`/api/v1/procedures/${CODE}/versions/${v}/content`, {
    cookie: admin,
    payload: { content: half },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(errors(saved.json<{ problems: Problem[] }>().problems), [
    'timeLimits/online/unit',
    'timeLimits/postal/unit',
    'components/8/name',
  ]);
  // No original and no copy is a warning: the national catalogue lists notes among the papers.
  assert.ok(
    saved
      .json<{ problems: Problem[] }>()
      .problems.some((p) => p.path === 'components/8/originals' && p.severity === 'warning'),
  );
  assert.deepEqual(
    errors((await editorOf(v)).problems),
    errors(saved.json<{ problems: Problem[] }>().problems),
  );

  // Fixed: every channel has its unit, the paper goes, the council's fee is entered at the desk.
  const fixed: DraftContent = structuredClone(editor.content);
  for (const ch of ['direct', 'online', 'postal'] as const) {
    fixed.timeLimits[ch] = { ...fixed.timeLimits[ch]!, unit: 'working-day' };
  }
  fixed.fees[2] = { ...fixed.fees[2]!, amountVnd: 8000 };
  fixed.onlineLevel = 'partial';
  const ok = await api.put(`/api/v1/procedures/${CODE}/versions/${v}/content`, {
    cookie: admin,
    payload: { content: fixed },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<{ problems: Problem[] }>().problems, []);
  const after = await editorOf(v);
  assert.equal(after.content.timeLimits.direct?.text, '1 ngày làm việc');
  assert.equal(after.content.fees[2]?.text, '8.000 đồng');
  assert.deepEqual(
    draftDiff(after.inForce!.content, after.content).map((l) => l.key),
    ['timeLimits/direct', 'timeLimits/online', 'timeLimits/postal', 'fees/2', 'onlineLevel'],
  );

  const pub = await api.post(`/api/v1/procedures/${CODE}/versions/${v}/publish`, { cookie: admin });
  assert.equal(pub.statusCode, 200, pub.body);
  assert.deepEqual(await online(), { available: true, reason: null });
  const detail = (await api.get(`/api/v1/procedures/${CODE}`)).json<{
    procedure: { timeLimits: { direct: { value: number; unit: string } } };
  }>();
  assert.deepEqual(detail.procedure.timeLimits.direct, {
    value: 1,
    unit: 'working-day',
    text: '1 ngày làm việc',
    note: null,
  });
});

test('saving: signed out 401, a desk officer 403, bad input 400 naming every field, a published version 409, a shipped form and a case kept', async () => {
  const draft = await api.post('/api/v1/procedures/1.000894/versions', { cookie: admin });
  const v = draft.json<{ version: number }>().version;
  const url = `/api/v1/procedures/1.000894/versions/${v}/content`;
  const good = (await editorOf(v, '1.000894')).content;

  assert.equal((await api.put(url, { payload: { content: good } })).statusCode, 401);
  assert.equal((await api.get(`/api/v1/procedures/1.000894/versions/${v}/editor`)).statusCode, 401);
  assert.equal(
    (await api.get(`/api/v1/procedures/1.000894/versions/99/editor`, { cookie: admin })).statusCode,
    404,
  );
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  const forbidden = await api.put(url, { cookie: desk, payload: { content: good } });
  assert.equal(forbidden.statusCode, 403, forbidden.body);

  const bad = structuredClone(good) as unknown as Record<string, unknown> & DraftContent;
  (bad.timeLimits as Record<string, unknown>).direct = {
    value: 'một',
    unit: 'fortnight',
    text: '',
    note: null,
  };
  (bad as Record<string, unknown>).onlineLevel = 'sometimes';
  const refused = await api.put(url, { cookie: admin, payload: { content: bad } });
  assert.equal(refused.statusCode, 400, refused.body);
  const paths = errorOf(refused).details!.map((d) => d.path);
  for (const p of [
    'body/content/timeLimits/direct/value',
    'body/content/timeLimits/direct/unit',
    'body/content/onlineLevel',
  ]) {
    assert.ok(
      paths.some((x) => x.startsWith(p)),
      `${p} in ${paths.join(', ')}`,
    );
  }

  const unknownForm = await api.put(url, {
    cookie: admin,
    payload: { content: { ...good, form: 'x.json' } },
  });
  assert.equal(unknownForm.statusCode, 400, unknownForm.body);
  assert.deepEqual(
    errorOf(unknownForm).details!.map((d) => d.path),
    ['body/content/form'],
  );

  const published = await api.put('/api/v1/procedures/1.000894/versions/1/content', {
    cookie: admin,
    payload: { content: good },
  });
  assert.equal(published.statusCode, 409, published.body);

  // The shipped birth form can be chosen, and read back as that choice.
  const withForm = await api.put(url, {
    cookie: admin,
    payload: { content: { ...good, form: 'birth-registration.schema.json' } },
  });
  assert.equal(withForm.statusCode, 200, withForm.body);
  assert.equal((await editorOf(v, '1.000894')).content.form, 'birth-registration.schema.json');

  // A case with its own online limit and fee goes in and comes back; a repeated key is refused.
  const limit = { value: 2, unit: 'working-day' as const, text: '', note: null };
  const fee = {
    channel: 'online' as const,
    amountVnd: 5000,
    per: null,
    text: null,
    amountOther: null,
    note: null,
  };
  const withCase: DraftContent = {
    ...good,
    cases: [
      {
        key: 'nuoc-ngoai',
        name: 'Có yếu tố nước ngoài',
        timeLimits: { direct: null, online: limit, postal: null },
        fees: [fee],
      },
    ],
  };
  const caseSaved = await api.put(url, { cookie: admin, payload: { content: withCase } });
  assert.equal(caseSaved.statusCode, 200, caseSaved.body);
  const [stored] = (await editorOf(v, '1.000894')).content.cases;
  assert.deepEqual(stored?.timeLimits.online, { ...limit, text: '2 ngày làm việc' });
  assert.deepEqual(
    stored?.fees.map((f) => [f.channel, f.amountVnd, f.text]),
    [['online', 5000, '5.000 đồng']],
  );
  const twice = await api.put(url, {
    cookie: admin,
    payload: { content: { ...withCase, cases: [withCase.cases[0]!, withCase.cases[0]!] } },
  });
  assert.equal(twice.statusCode, 400, twice.body);
  assert.deepEqual(
    errorOf(twice).details!.map((d) => d.path),
    ['body/content/cases/1/key'],
  );
});
