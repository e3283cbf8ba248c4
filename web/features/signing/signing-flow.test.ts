import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SigningSessionView } from './signing-api.ts';
import { signDocument, type SigningDeps, type SigningStep } from './signing-flow.ts';
import type { PluginSocket } from './vgca-client.ts';

const NOW = Date.parse('2026-12-07T03:00:00Z');

function session(over: Partial<SigningSessionView> = {}): SigningSessionView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    method: 'plugin',
    status: 'pending',
    dossierCode: 'H26.1-261207-0001',
    fileId: '00000000-0000-4000-8000-0000000000f1',
    signedFileId: null,
    fileUrl: 'http://x/api/v1/signing/sessions/1/file?token=t',
    uploadUrl: 'http://x/api/v1/signing/sessions/1/signed?token=t',
    sessionToken: 't',
    expiresAt: new Date(NOW + 600_000).toISOString(),
    resultToken: 'abcdefghijklmnop',
    signatures: [],
    failure: null,
    ...over,
  };
}

/** A plugin that answers at once with `result` (a JSON text), or a socket that never opens. */
function plugin(result: object | 'down'): { open: (url: string) => PluginSocket; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    open: () => {
      const s: PluginSocket = {
        send: (data) => {
          sent.push(data);
          const id = (JSON.parse(data) as { RequestId: string }).RequestId;
          queueMicrotask(() =>
            s.onmessage?.({ data: JSON.stringify({ RequestId: id, Result: JSON.stringify(result) }) }),
          );
        },
        close: () => {},
        onopen: null,
        onmessage: null,
        onerror: null,
        onclose: null,
      };
      queueMicrotask(() => (result === 'down' ? s.onerror?.({}) : s.onopen?.({})));
      return s;
    },
  };
}

function deps(
  over: Partial<SigningDeps> & { reads: SigningSessionView[] },
): SigningDeps & { created: unknown[] } {
  const created: unknown[] = [];
  return {
    created,
    createSession: async (body) => (created.push(body), over.reads.shift()!),
    readSession: async () => over.reads.shift()!,
    openSocket: over.openSocket ?? plugin('down').open,
    pluginUrl: 'ws://127.0.0.1:8987',
    pause: async () => {},
    now: () => NOW,
  };
}

const ok = { Status: 0, Message: '', FileServer: 'f2', DocumentNumber: '', DocumentDate: '' };
const input = { fileId: session().fileId, method: 'plugin' as const, documentNumber: '12/QĐ-UBND' };

test('plugin: the session is handed to the plugin, and the signed session read back is the outcome', async () => {
  const p = plugin(ok);
  const signed = session({ status: 'signed', signedFileId: '00000000-0000-4000-8000-0000000000f2' });
  const d = deps({ reads: [session(), session(), signed], openSocket: p.open });
  const steps: SigningStep[] = [];
  const result = await signDocument(d, input, (s) => steps.push(s));
  assert.deepEqual(result, { ok: true, session: signed });
  assert.deepEqual(d.created, [{ fileId: input.fileId, method: 'plugin' }]);
  const params = JSON.parse((JSON.parse(p.sent[0]!) as { Parameters: string }).Parameters) as Record<
    string,
    unknown
  >;
  assert.deepEqual(params, {
    FileUploadHandler: session().uploadUrl,
    SessionId: 't',
    FileName: session().fileUrl,
    MetaData: [{ Key: 'DocumentNumber', Value: '12/QĐ-UBND' }],
  });
  assert.deepEqual(steps, ['connecting', 'checking']);
});

test('plugin: not running, or stopped at the token, is told as the plugin said; the server is not asked again', async () => {
  const down = deps({ reads: [session()] });
  assert.deepEqual(await signDocument(down, input, () => {}), {
    ok: false,
    failure: 'not-running',
    detail: null,
  });
  const pin = deps({ reads: [session()], openSocket: plugin({ ...ok, Status: 2, Message: 'Sai PIN' }).open });
  assert.deepEqual(await signDocument(pin, input, () => {}), {
    ok: false,
    failure: 'wrong-pin',
    detail: 'Sai PIN',
  });
});

test('plugin: a signed file the server refused is told with the reason the session records', async () => {
  const refusal = JSON.stringify({ Status: 1, Message: 'Chứng thư số không mang tên người ký.' });
  const failed = session({ status: 'failed', failure: 'Chứng thư số không mang tên người ký.' });
  const d = deps({
    reads: [session(), failed],
    openSocket: plugin({ ...ok, Status: 5, FileServer: refusal }).open,
  });
  assert.deepEqual(await signDocument(d, input, () => {}), {
    ok: false,
    failure: 'refused',
    detail: 'Chứng thư số không mang tên người ký.',
  });
});

test('remote: waits for the phone until the session is signed, refused or expired', async () => {
  const remote = { ...input, method: 'remote' as const };
  const signed = session({
    method: 'remote',
    status: 'signed',
    signedFileId: '00000000-0000-4000-8000-0000000000f3',
  });
  const waiting = session({ method: 'remote' });
  const steps: SigningStep[] = [];
  const good = await signDocument(deps({ reads: [waiting, waiting, waiting, signed] }), remote, (s) =>
    steps.push(s),
  );
  assert.deepEqual(good, { ok: true, session: signed });
  assert.deepEqual(steps, ['remote-waiting']);
  const refused = session({ method: 'remote', status: 'failed', failure: 'Người dùng từ chối' });
  assert.deepEqual(await signDocument(deps({ reads: [waiting, refused] }), remote, () => {}), {
    ok: false,
    failure: 'remote-refused',
    detail: 'Người dùng từ chối',
  });
  const expired = session({ method: 'remote', expiresAt: new Date(NOW).toISOString() });
  assert.deepEqual(await signDocument(deps({ reads: [expired] }), remote, () => {}), {
    ok: false,
    failure: 'remote-expired',
    detail: null,
  });
});

test('seal: signed at once; a request the server refuses is a server failure carrying its error', async () => {
  const seal = { ...input, method: 'seal' as const };
  const signed = session({
    method: 'seal',
    status: 'signed',
    signedFileId: '00000000-0000-4000-8000-0000000000f4',
  });
  assert.deepEqual(await signDocument(deps({ reads: [signed] }), seal, () => {}), {
    ok: true,
    session: signed,
  });
  const boom = new Error('403');
  const d = { ...deps({ reads: [] }), createSession: async () => Promise.reject(boom) };
  assert.deepEqual(await signDocument(d, seal, () => {}), {
    ok: false,
    failure: 'server',
    detail: null,
    error: boom,
  });
});
