// The dossier as an officer reads it (issue 14): the declaration, people by name in the history and on
// the steps, the result's number, date and signer recorded by the approval (and refused, field by field,
// when missing), the return method the applicant asked for, and the verdict of a result against the due
// time with no clock running once the result is ready.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { userId } from '../../test/seeded.ts';
import type { Static } from 'typebox';
import type { DossierView } from '../../../common/contracts/dossiers.ts';
import { journeyKit } from './test-kit.ts';

type View = Static<typeof DossierView>;

const { kit, intake, act, allowed, getAs, as, cookies } = journeyKit();
const viewOf = async (user: string, code: string) =>
  (await getAs(user, `/api/v1/dossiers/${code}`)).json<View>();
const { clock } = kit;

const RESULT = { resultDate: '2026-11-20', signer: 'Vũ Thị Hồng Nhung' };
const DOCUMENTS = { resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }] };

/** Received at the counter on Friday 20/11/2026 09:00 (due Monday 23/11 09:00), taken to the leader. */
async function atLeader(extra: Record<string, unknown> = {}): Promise<string> {
  clock.set('2026-11-20T02:00:00Z');
  // Sessions opened later on the test's clock do not outlive its going back.
  cookies.clear();
  const res = await intake('desk.hang-trong', extra);
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json<View>().code;
  const specialist = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  const leader = await userId(kit.rt.deps.db, 'leader.hang-trong');
  const toSpecialist = await act('desk.hang-trong', code, 'forward', { nextAssigneeId: specialist });
  assert.equal(toSpecialist.statusCode, 200, toSpecialist.body);
  const toLeader = await act('specialist.hang-trong', code, 'forward', { nextAssigneeId: leader });
  assert.equal(toLeader.statusCode, 200, toLeader.body);
  return code;
}

test('#14 view: the declaration, people by name in the history and on the steps, each step with its due time', async () => {
  const code = await atLeader();
  const view = await viewOf('leader.hang-trong', code);
  const child = (view.formData as { nguoiDuocKhaiSinh?: { hoTen?: unknown } }).nguoiDuocKhaiSinh;
  assert.equal(child?.hoTen, 'Nguyễn Minh Khang');
  // The form the page renders it with: the version the dossier was received under, read by staff.
  const form = await getAs(
    'leader.hang-trong',
    `/api/v1/procedures/${view.procedure.code}/versions/${view.procedure.version}`,
  );
  assert.equal(form.statusCode, 200, form.body);
  const props = form.json<{ form: { properties: Record<string, { title?: string }> } }>().form.properties;
  assert.match(props.nguoiDuocKhaiSinh?.title ?? '', /khai sinh/i);
  assert.deepEqual(
    view.history.map((h) => [h.action, h.name, h.by]),
    [
      ['accept', 'Lê Thị Mai Anh', 'desk.hang-trong'],
      ['forward', 'Lê Thị Mai Anh', 'desk.hang-trong'],
      ['forward', 'Đỗ Quang Minh', 'specialist.hang-trong'],
    ],
  );
  assert.deepEqual(view.history[0]!.roles, ['desk-officer']);
  assert.deepEqual(
    view.steps.map((s) => s.handler?.name ?? null),
    ['Lê Thị Mai Anh', 'Đỗ Quang Minh', 'Vũ Thị Hồng Nhung', null],
  );
  assert.equal(view.currentStep.assignee?.name, 'Vũ Thị Hồng Nhung');
  assert.equal(view.currentStep.assignee?.id, view.currentStep.assigneeId);
  // Every step with a share of the time has its own due time, in order, the last one the dossier's.
  const dues = view.steps.map((s) => s.dueAt);
  assert.ok(
    dues.every((d) => d !== null),
    JSON.stringify(dues),
  );
  assert.deepEqual([...dues].sort(), dues);
  assert.ok(dues.at(-1)! <= view.dueAt!, `${dues.at(-1)} after ${view.dueAt}`);
  assert.equal(view.steps.filter((s) => s.current).length, 1);
  assert.ok(view.remaining !== null);
  assert.equal(view.verdict, null);
  assert.equal(view.result, null);
});

test('#14 approval: number, date and signer are required and named field by field, then stored and shown', async () => {
  const code = await atLeader();
  // The form starts from the leader approving as the signer, today as the signing date.
  const offer = (await allowed('leader.hang-trong', code)).items.find((a) => a.kind === 'approve');
  const props = (offer?.inputs as { properties: Record<string, { default?: string; format?: string }> })
    .properties;
  assert.equal(props.signer?.default, 'Vũ Thị Hồng Nhung');
  assert.equal(props.resultDate?.default, '2026-11-20');
  assert.equal(props.resultDate?.format, 'date');
  const missing = await act('leader.hang-trong', code, 'approve', DOCUMENTS);
  assert.equal(missing.statusCode, 400, missing.body);
  assert.equal(missing.json<{ error: { reason?: string } }>().error.reason, 'DOSSIER_ACTION_INPUT_INVALID');
  // The number may be left out: the deciding agency's result register gives it (#19).
  assert.deepEqual(
    errorOf(missing).details?.map((d) => d.path),
    ['body/resultDate', 'body/signer'],
  );
  const wrong = await act('leader.hang-trong', code, 'approve', {
    ...DOCUMENTS,
    resultNumber: ' ',
    resultDate: '20/11/2026',
    signer: 'x'.repeat(201),
  });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.deepEqual(
    errorOf(wrong).details?.map((d) => d.path),
    ['body/resultNumber', 'body/resultDate', 'body/signer'],
  );
  const future = await act('leader.hang-trong', code, 'approve', {
    ...DOCUMENTS,
    ...RESULT,
    resultDate: '2026-11-21',
  });
  assert.equal(future.statusCode, 400, future.body);
  assert.deepEqual(
    errorOf(future).details?.map((d) => d.path),
    ['body/resultDate'],
  );
  // Refused requests wrote nothing.
  assert.equal((await viewOf('leader.hang-trong', code)).status, 'processing');

  clock.advance(60 * 60_000);
  const ok = await act('leader.hang-trong', code, 'approve', {
    ...DOCUMENTS,
    ...RESULT,
    resultNumber: '125/QĐ-UBND',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const view = ok.json<View>();
  assert.deepEqual(view.result, { number: '125/QĐ-UBND', date: '2026-11-20', signer: 'Vũ Thị Hồng Nhung' });
  assert.deepEqual(await viewOf('desk.hang-trong', code).then((v) => v.result), view.result);
  const row = await kit.rt.deps.db
    .selectFrom('dossier_actions as a')
    .innerJoin('dossiers as d', 'd.dossier_id', 'a.dossier_id')
    .select('a.record')
    .where('d.code', '=', code)
    .where('a.kind', '=', 'approve')
    .executeTakeFirstOrThrow();
  const input = (row.record as { input: Record<string, unknown> }).input;
  assert.equal(input.resultNumber, '125/QĐ-UBND');
  assert.equal(input.signer, 'Vũ Thị Hồng Nhung');
});

test('#14 return: starts from the method the applicant chose at intake, none when they did not say', async () => {
  const chosen = await atLeader({ returnChannel: 'postal' });
  const none = await atLeader();
  for (const code of [chosen, none]) {
    const r = await act('leader.hang-trong', code, 'approve', { ...DOCUMENTS, ...RESULT });
    assert.equal(r.statusCode, 200, r.body);
  }
  const channelOf = async (code: string) => {
    const ret = (await allowed('desk.hang-trong', code)).items.find((a) => a.kind === 'return-result');
    assert.ok(ret, code);
    return (ret.inputs as { properties: { channel: { default?: string } } }).properties.channel.default;
  };
  assert.equal(await channelOf(chosen), 'postal');
  assert.equal(await channelOf(none), undefined);
  assert.equal((await viewOf('desk.hang-trong', chosen)).requestedReturnChannel, 'postal');
  assert.equal((await viewOf('desk.hang-trong', none)).requestedReturnChannel, null);
  const bad = await intake('desk.hang-trong', { returnChannel: 'pigeon' });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.ok(
    errorOf(bad).details?.some((d) => d.path.includes('returnChannel')),
    bad.body,
  );
});

/** Approves at `approvedAt` and returns an hour later; the dossier's view as the desk reads it. */
async function returnedAt(approvedAt: string): Promise<View> {
  const code = await atLeader();
  clock.set(approvedAt);
  cookies.clear();
  const a = await act('leader.hang-trong', code, 'approve', { ...DOCUMENTS, ...RESULT });
  assert.equal(a.statusCode, 200, a.body);
  const ready = a.json<View>();
  assert.equal(ready.remaining, null, 'no clock once the result is ready');
  clock.advance(60 * 60_000);
  const r = await act('desk.hang-trong', code, 'return-result', { channel: 'counter' });
  assert.equal(r.statusCode, 200, r.body);
  return r.json<View>();
}

test('#14 verdict: early, on time or late by the overview rule, and no clock or current step after the return', async () => {
  // Due Monday 23/11 09:00 (Vietnam). Early: a day before; on time: the due day before 09:00; late: after.
  const early = await returnedAt('2026-11-20T08:00:00Z');
  const onTime = await returnedAt('2026-11-23T01:30:00Z');
  const late = await returnedAt('2026-11-23T03:00:00Z');
  assert.equal(early.dueAt, '2026-11-23T02:00:00.000Z');
  assert.deepEqual(
    [early, onTime, late].map((v) => v.verdict),
    ['early', 'on-time', 'late'],
  );
  for (const v of [early, onTime, late]) {
    assert.equal(v.status, 'returned');
    assert.equal(v.remaining, null);
    assert.ok(v.steps.every((s) => !s.current));
    assert.equal(v.returnChannel, 'counter');
  }
  // The same dossier read again says the same.
  assert.equal((await viewOf('leader.hang-trong', late.code)).verdict, 'late');
});

test('#14 papers: a result file previews inline, framed by this origin only; downloads stay attachments', async () => {
  const code = await atLeader();
  const boundary = '----motcua14';
  const bytes = Buffer.from('%PDF-1.4\n% Giay khai sinh\n1 0 obj << >> endobj\n%%EOF\n');
  const upload = await kit.rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: {
      cookie: await as('leader.hang-trong'),
      origin: ORIGIN,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="khai-sinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(upload.statusCode, 201, upload.body);
  const fileId = upload.json<{ fileId: string }>().fileId;
  const approved = await act('leader.hang-trong', code, 'approve', {
    ...RESULT,
    resultDocuments: [{ name: 'Giấy khai sinh (bản điện tử)', fileId }],
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const url = `/api/v1/dossiers/${code}/attachments/${fileId}`;
  const inline = await getAs('desk.hang-trong', `${url}?inline=true`);
  assert.equal(inline.statusCode, 200);
  assert.match(String(inline.headers['content-disposition']), /^inline;/);
  assert.equal(inline.headers['x-frame-options'], 'SAMEORIGIN');
  assert.match(String(inline.headers['content-security-policy']), /frame-ancestors 'self'/);
  assert.deepEqual(inline.rawPayload, bytes);
  const download = await getAs('desk.hang-trong', url);
  assert.match(String(download.headers['content-disposition']), /^attachment;/);
  assert.equal(download.headers['x-frame-options'], 'DENY');
  assert.match(String(download.headers['content-security-policy']), /frame-ancestors 'none'/);
  const bad = await getAs('desk.hang-trong', `${url}?inline=maybe`);
  assert.equal(bad.statusCode, 400, bad.body);
});
