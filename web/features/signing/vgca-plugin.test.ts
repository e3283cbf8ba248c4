// The page's plugin client against the plugin's stand-in (simulator/vgca-plugin.ts) over a real
// WebSocket, with a stand-in upload handler: the whole exchange of vgca_sign_approved, and each fault.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startVgcaPlugin, type VgcaPlugin } from '../../../simulator/vgca-plugin.ts';
import { createTokenIssuer } from '../../../simulator/vgca-token.ts';
import { signWithPlugin, type PluginSocket, type PluginStep } from './vgca-client.ts';

function minimalPdf(): Buffer {
  const offsets: number[] = [];
  let body = '%PDF-1.4\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

let plugin: VgcaPlugin;
let server: http.Server;
let base = '';
/** What the upload handler received, and how it answers the next upload. */
const uploads: { body: Buffer; contentType: string }[] = [];
let refuseWith: string | null = null;

before(async () => {
  const issuer = await createTokenIssuer();
  plugin = await startVgcaPlugin({ issuer });
  await plugin.control.useToken({
    holder: 'Vũ Thị Hồng Nhung',
    organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
  });
  server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/file?token=t') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(minimalPdf());
    }
    if (req.method === 'POST' && req.url === '/signed?token=t') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ body: Buffer.concat(chunks), contentType: String(req.headers['content-type']) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            refuseWith
              ? { Status: 1, Message: refuseWith, FileServer: '', DocumentNumber: '', DocumentDate: '' }
              : {
                  Status: 0,
                  Message: '',
                  FileServer: 'file-2',
                  DocumentNumber: '12/QĐ-UBND',
                  DocumentDate: '2026-12-07',
                },
          ),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await plugin?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const params = () => ({
  FileUploadHandler: `${base}/signed?token=t`,
  SessionId: 't',
  FileName: `${base}/file?token=t`,
  MetaData: [{ Key: 'DocumentNumber', Value: '12/QĐ-UBND' }],
});
const open = (url: string) => new WebSocket(url) as unknown as PluginSocket;

test('stand-in: downloads, signs (PAdES) and uploads with the session; the page hears each step', async () => {
  plugin.control.setFault('none');
  uploads.length = 0;
  const steps: PluginStep[] = [];
  const outcome = await signWithPlugin({
    url: plugin.url,
    params: params(),
    open,
    onStep: (s) => steps.push(s),
  });
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  assert.equal(outcome.ok && outcome.answer.FileServer, 'file-2');
  assert.deepEqual(steps, ['connecting', 'downloading', 'pin', 'signing', 'uploading']);
  assert.equal(uploads.length, 1);
  assert.match(uploads[0]!.contentType, /^multipart\/form-data/);
  const body = uploads[0]!.body.toString('latin1');
  assert.match(body, /name="SessionId"\r\n\r\nt\r\n/);
  assert.match(body, /\/SubFilter\s*\/ETSI\.CAdES\.detached/);
  assert.match(body, /\/ByteRange\s*\[/);
  assert.deepEqual(
    plugin.control.signed().map((s) => s.uploadStatus),
    [200],
  );
});

test('stand-in faults: each reaches the page as its own failure, and nothing is uploaded', async () => {
  uploads.length = 0;
  const cases = [
    ['no-token', 'no-token'],
    ['wrong-pin', 'wrong-pin'],
    ['cancel', 'cancelled'],
    ['download-fails', 'download-failed'],
    ['upload-fails', 'upload-failed'],
  ] as const;
  for (const [mode, failure] of cases) {
    plugin.control.setFault(mode);
    const outcome = await signWithPlugin({ url: plugin.url, params: params(), open });
    assert.equal(!outcome.ok && outcome.failure, failure, mode);
  }
  assert.equal(uploads.length, 0);
  plugin.control.setFault('none');
});

test('stand-in: a signed file the server refuses reaches the page with the server reason', async () => {
  refuseWith = 'Chứng thư số không mang tên người ký.';
  try {
    const outcome = await signWithPlugin({ url: plugin.url, params: params(), open });
    assert.deepEqual(outcome, {
      ok: false,
      failure: 'refused',
      detail: 'Chứng thư số không mang tên người ký.',
    });
  } finally {
    refuseWith = null;
  }
});

test('no plugin listening: not running', async () => {
  const closed = await startVgcaPlugin({});
  const url = closed.url;
  await closed.close();
  assert.deepEqual(await signWithPlugin({ url, params: params(), open }), {
    ok: false,
    failure: 'not-running',
    detail: null,
  });
});
