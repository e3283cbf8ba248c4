// For tests that need a signed result (#19): the platform's test PKI as the deployment's signing kit
// (its seal signs for every agency), a real one-page PDF, and a result sealed through the signing
// sessions' HTTP route as a leader does it before the approval.
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import type { TestRuntime } from './db.ts';
import { createTestPki, type TestPki } from '../platform/signing/index.ts';

/** Gives the runtime the test PKI: its root trusted, its organisation seal for every agency. */
export async function useTestSigning(rt: TestRuntime, now: Date): Promise<TestPki> {
  const pki = await createTestPki({ now });
  rt.deps.signing = {
    trust: async () => pki.trust,
    seal: async () => pki.seal.signer,
    remote: () => null,
    timestampUrl: null,
  };
  return pki;
}

/** A one-page PDF (pdfkit; the same label and date give the same bytes). */
export const makePdf = (label: string, at = new Date('2026-11-20T02:00:00Z')) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: at } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(label);
    doc.end();
  });

/** Seals the uploaded draft `fileId` for the dossier (POST signing-sessions, method seal): the signed file. */
export async function sealDraft(
  rt: TestRuntime,
  cookie: string,
  draft: { code: string; fileId: string },
): Promise<string> {
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${draft.code}/signing-sessions`,
    headers: { cookie },
    payload: { fileId: draft.fileId, method: 'seal' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const session = res.json<{ status: string; signedFileId: string | null }>();
  assert.equal(session.status, 'signed');
  return session.signedFileId!;
}
