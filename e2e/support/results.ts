// Records in an applicant's document store, made as the product makes them: a desk receives a birth
// registration at Phường Hoàn Kiếm, it is forwarded to the leader, who approves it with an electronic
// result (through the API, as the staff screens send it). The approval writes the record
// (docs/domain/documents.md).
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { smallPdf } from '../pages/citizen-pages.ts';
import { BASE_URL, openPage } from './browser.ts';

/** Ủy ban nhân dân Phường Hoàn Kiếm (00070), desk.hang-trong's ward on the map in force since 1/7/2025. */
export const HANG_TRONG = 'H26.104';

export type Applicant = {
  kind: 'person';
  fullName: string;
  idNumber: string;
  phone: string;
  address?: { unitCode: string; line: string };
};

/** A staff member's API session (the cookie lives in the context). */
export async function staffSession(browser: Browser, username: string): Promise<BrowserContext> {
  const { context } = await openPage(browser);
  const login = await context.request.post('/api/v1/auth/login', {
    headers: { origin: BASE_URL },
    data: { username, password: 'demo' },
  });
  assert.equal(login.status(), 200, await login.text());
  return context;
}

export async function act(context: BrowserContext, code: string, action: string, body: object = {}) {
  const view = await context.request.get(`/api/v1/dossiers/${code}`);
  assert.equal(view.status(), 200, await view.text());
  const { version } = (await view.json()) as { version: number };
  const res = await context.request.post(`/api/v1/dossiers/${code}/actions/${action}`, {
    headers: { origin: BASE_URL, 'if-match': String(version) },
    data: body,
  });
  assert.equal(res.status(), 200, `${action}: ${await res.text()}`);
}

/** Moves the dossier on from `context`'s step, to `next` when the step names its handler. */
export async function forward(context: BrowserContext, code: string, next: string): Promise<void> {
  const offered = (await (await context.request.get(`/api/v1/dossiers/${code}/actions`)).json()) as {
    items: { kind: string; inputs: { properties?: Record<string, unknown> } }[];
  };
  if (offered.items.some((a) => a.kind === 'claim')) await act(context, code, 'claim');
  const fwd = offered.items.find((a) => a.kind === 'forward');
  assert.ok(fwd, offered.items.map((a) => a.kind).join(', '));
  if (!(fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties)) {
    await act(context, code, 'forward');
    return;
  }
  const people = (await (
    await context.request.get(`/api/v1/staff?q=${encodeURIComponent(next)}&active=true`)
  ).json()) as { items: { id: string; username: string }[] };
  const person = people.items.find((p) => p.username === next);
  assert.ok(person, `${next} in ${JSON.stringify(people.items.map((p) => p.username))}`);
  await act(context, code, 'forward', { nextAssigneeId: person.id });
}

/** A birth registration received at Phường Hoàn Kiếm for `applicant` and forwarded to leader.hang-trong's step. */
export async function dossierAtLeader(
  browser: Browser,
  applicant: Applicant,
  /** More of the intake's body (e.g. the return method the applicant chose). */
  extra: Record<string, unknown> = {},
): Promise<string> {
  const desk = await staffSession(browser, 'desk.hang-trong');
  const intake = await desk.request.post('/api/v1/dossiers', {
    headers: { origin: BASE_URL },
    data: {
      procedureCode: '1.001193',
      agencyCode: HANG_TRONG,
      applicant,
      formData: VALID_BIRTH_DECLARATION,
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP3', provided: 'original' },
      ],
      channel: 'direct',
      ...extra,
    },
  });
  assert.equal(intake.status(), 201, await intake.text());
  const { code } = (await intake.json()) as { code: string };
  await forward(desk, code, 'specialist.hang-trong');
  const specialist = await staffSession(browser, 'specialist.hang-trong');
  await forward(specialist, code, 'leader.hang-trong');
  for (const c of [desk, specialist]) await c.close();
  return code;
}

/**
 * A birth registered at Phường Hoàn Kiếm for `applicant`, approved with the electronic `result` (its file
 * `pdf`), and handed over at the counter to `returnedTo` when given: its dossier code.
 */
export async function issueElectronicResult(
  browser: Browser,
  applicant: Applicant,
  result: string,
  options: { pdf?: Buffer; returnedTo?: string } = {},
): Promise<string> {
  const code = await dossierAtLeader(browser, applicant);
  await approveAtLeader(browser, code, result, options.pdf);
  if (options.returnedTo !== undefined) {
    const desk = await staffSession(browser, 'desk.hang-trong');
    await act(desk, code, 'return-result', { channel: 'counter', recipientName: options.returnedTo });
    await desk.close();
  }
  return code;
}

/** leader.hang-trong approves a dossier at their step with the electronic `result` (its file `pdf`). */
export async function approveAtLeader(browser: Browser, code: string, result: string, pdf?: Buffer) {
  const leader = await staffSession(browser, 'leader.hang-trong');
  const file = await leader.request.post('/api/v1/files', {
    headers: { origin: BASE_URL },
    multipart: {
      file: {
        name: 'ket-qua.pdf',
        mimeType: 'application/pdf',
        buffer: pdf ?? smallPdf('Ket qua dien tu'),
      },
    },
  });
  assert.equal(file.status(), 201, await file.text());
  const { fileId } = (await file.json()) as { fileId: string };
  await act(leader, code, 'approve', {
    // No number: the deciding agency's result register gives the next (#19).
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: result, fileId }],
  });
  await leader.close();
}

type StoredComponent = { code: string; provided: string; documentIds?: string[]; fileIds?: string[] };

/** The components a dossier was stored with, read by whoever `context` signs in as. */
export async function storedComponents(context: BrowserContext, code: string): Promise<StoredComponent[]> {
  const res = await context.request.get(`/api/v1/dossiers/${code}`);
  assert.equal(res.status(), 200, await res.text());
  return ((await res.json()) as { components: StoredComponent[] }).components;
}
