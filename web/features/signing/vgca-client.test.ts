import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeOf, signWithPlugin, type PluginSocket, type PluginStep } from './vgca-client.ts';

const PARAMS = {
  FileUploadHandler: 'http://127.0.0.1:3000/api/v1/signing/sessions/s1/signed',
  SessionId: 'tok-1',
  FileName: 'http://127.0.0.1:3000/api/v1/signing/sessions/s1/file',
  MetaData: [{ Key: 'DocumentNumber', Value: '15/QĐ-UBND' }],
};

/** A socket the test drives: what the client sent, and the plugin's side of the exchange. */
function fakeSocket() {
  const sent: string[] = [];
  let closed = false;
  const socket: PluginSocket = {
    send: (data) => sent.push(data),
    close: () => {
      closed = true;
    },
    onopen: null,
    onmessage: null,
    onerror: null,
    onclose: null,
  };
  return {
    socket,
    sent,
    closed: () => closed,
    open: () => socket.onopen?.({}),
    reply: (body: unknown) => socket.onmessage?.({ data: JSON.stringify(body) }),
    fail: () => {
      socket.onerror?.({});
      socket.onclose?.({});
    },
  };
}

const answer = (Status: number, extra: object = {}) =>
  JSON.stringify({ Status, Message: 'm', FileServer: '', DocumentNumber: '', DocumentDate: '', ...extra });

test('signing: sends vgca_sign_approved with the session, reports the steps, resolves with the answer', async () => {
  const fake = fakeSocket();
  const steps: PluginStep[] = [];
  let url = '';
  const done = signWithPlugin({
    url: 'ws://127.0.0.1:1',
    params: PARAMS,
    open: (u) => ((url = u), fake.socket),
    onStep: (s) => steps.push(s),
    requestId: 'r1',
  });
  fake.open();
  assert.equal(url, 'ws://127.0.0.1:1');
  const request = JSON.parse(fake.sent[0]!) as {
    RequestId: string;
    FunctionName: string;
    Parameters: string;
  };
  assert.equal(request.RequestId, 'r1');
  assert.equal(request.FunctionName, 'vgca_sign_approved');
  assert.deepEqual(JSON.parse(request.Parameters), PARAMS);
  fake.reply({ RequestId: 'r1', Progress: 'downloading' });
  fake.reply({ RequestId: 'other', Result: answer(2) });
  fake.reply({ RequestId: 'r1', Progress: 'pin' });
  fake.reply({ RequestId: 'r1', Progress: 'made-up' });
  fake.reply({
    RequestId: 'r1',
    Result: answer(0, { FileServer: '{"id":"x"}', DocumentDate: '2026-12-07' }),
  });
  const outcome = await done;
  assert.deepEqual(steps, ['connecting', 'downloading', 'pin']);
  assert.equal(outcome.ok, true);
  assert.equal(outcome.ok && outcome.answer.FileServer, '{"id":"x"}');
  assert.ok(fake.closed());
});

test('signing: a socket that fails before opening means the plugin is not running', async () => {
  const fake = fakeSocket();
  const done = signWithPlugin({ url: 'ws://x', params: PARAMS, open: () => fake.socket });
  fake.fail();
  assert.deepEqual(await done, { ok: false, failure: 'not-running', detail: null });
  assert.deepEqual(
    await signWithPlugin({
      url: 'ws://x',
      params: PARAMS,
      open: () => {
        throw new Error('blocked');
      },
    }),
    { ok: false, failure: 'not-running', detail: null },
  );
});

test('signing: a socket closed after opening, or an unreadable answer, is a broken exchange', async () => {
  const closing = fakeSocket();
  const first = signWithPlugin({ url: 'ws://x', params: PARAMS, open: () => closing.socket, requestId: 'a' });
  closing.open();
  closing.fail();
  assert.deepEqual(await first, { ok: false, failure: 'protocol', detail: null });

  const garbled = fakeSocket();
  const second = signWithPlugin({
    url: 'ws://x',
    params: PARAMS,
    open: () => garbled.socket,
    requestId: 'b',
  });
  garbled.open();
  garbled.socket.onmessage?.({ data: 'not json' });
  assert.deepEqual(await second, { ok: false, failure: 'protocol', detail: null });

  const noStatus = fakeSocket();
  const third = signWithPlugin({
    url: 'ws://x',
    params: PARAMS,
    open: () => noStatus.socket,
    requestId: 'c',
  });
  noStatus.open();
  noStatus.reply({ RequestId: 'c', Result: '{"Message":"?"}' });
  assert.deepEqual(await third, { ok: false, failure: 'protocol', detail: null });
});

test('signing: the plugin refusing a request it could not read (RequestId null) ends the exchange', async () => {
  const fake = fakeSocket();
  const done = signWithPlugin({ url: 'ws://x', params: PARAMS, open: () => fake.socket, requestId: 'r' });
  fake.open();
  fake.reply({ RequestId: null, Result: answer(9, { Message: 'Tham số ký số không hợp lệ' }) });
  assert.deepEqual(await done, { ok: false, failure: 'protocol', detail: 'Tham số ký số không hợp lệ' });
});

test('outcomes: each Status names its failure; an upload the server refused carries its reason', () => {
  const of = (status: number, extra: object = {}) =>
    outcomeOf({ ...(JSON.parse(answer(status, extra)) as object), Status: status } as never);
  assert.deepEqual(of(1), { ok: false, failure: 'no-token', detail: 'm' });
  assert.deepEqual(of(2), { ok: false, failure: 'wrong-pin', detail: 'm' });
  assert.deepEqual(of(3), { ok: false, failure: 'cancelled', detail: 'm' });
  assert.deepEqual(of(4), { ok: false, failure: 'download-failed', detail: 'm' });
  assert.deepEqual(of(5), { ok: false, failure: 'upload-failed', detail: 'm' });
  assert.deepEqual(of(6), { ok: false, failure: 'signing-failed', detail: 'm' });
  assert.deepEqual(of(42, { Message: '' }), { ok: false, failure: 'signing-failed', detail: null });
  const refused = of(5, {
    FileServer: JSON.stringify({ error: { code: 'X', message: 'Chứng thư số không phải của người ký.' } }),
  });
  assert.deepEqual(refused, {
    ok: false,
    failure: 'refused',
    detail: 'Chứng thư số không phải của người ký.',
  });
  const handlerRefused = of(5, {
    FileServer: JSON.stringify({ Status: 1, Message: 'Chữ ký không phải của người ký.', FileServer: '' }),
  });
  assert.deepEqual(handlerRefused, {
    ok: false,
    failure: 'refused',
    detail: 'Chữ ký không phải của người ký.',
  });
  assert.deepEqual(of(5, { FileServer: '<html>502</html>' }), {
    ok: false,
    failure: 'upload-failed',
    detail: 'm',
  });
});
