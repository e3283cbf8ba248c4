// What desk intake and online submission share: the request checked (every problem at once) and its
// workflow resolved to the agencies performing each step, before anything is written.
import { sql } from 'kysely';
import { preparedQuery, type Database } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';
import { watchedCache } from '../../../db/watched-cache.ts';
import type { Procedure } from '../../../../common/catalog/procedure.ts';
import type { Workflow } from '../../../../common/catalog/workflow.ts';
import { componentCode, requiredComponents } from '../../../../common/dossiers/components.ts';
import {
  formValidatorFor,
  resolveWorkflow,
  storedWorkflowRead,
  workflowForDossier,
} from '../../catalog/index.ts';
import { workingTimeRead, type WorkingTimeRead } from '../../calendar/index.ts';
import { formOf } from '../../catalog/index.ts';
import { applyPrefill, type PrefillFacts } from '../../../../common/catalog/prefill.ts';
import { resolveReusedDocuments } from '../../documents/index.ts';
import { agencyRowsByCode, procedureVersion, usableFiles, type AgencyRow } from '../dossier.repository.ts';
import type { FileUser } from '../../files/index.ts';
import { fail } from '../dossiers.errors.ts';
import { dossierView, type DossierView } from '../views/dossier-view.ts';
import { validateApplicant } from './applicant.validation.ts';
import type { ComponentInput, IntakeInput } from './intake.types.ts';

const pathOf = (p: string) => `body/${p}`;

// Intake's reads, as named statements (db/client.ts): parsed and planned once per connection, as intake
// makes them for every dossier (docs/benchmarks.md, intake).
// The published version and the named agency, when it offers the procedure, with the agency's stored
// workflow and working time, in one read (its arguments in the order of the statement's parameters).
const publishedOfferingQuery = preparedQuery(
  'published-offering',
  (db: Database, ...[channel, agencyCode, procedureCode]: [string, string, string]) =>
    db
      .selectFrom('procedure_versions as v')
      .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('agencies as a')
            .innerJoin('procedure_offerings as o', 'o.agency_id', 'a.agency_id')
            .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
            .select([
              'o.procedure_id',
              'a.agency_id',
              'a.code',
              'a.name',
              'a.unit_id',
              'u.code as unit_code',
              'a.path',
              'u.path as unit_path',
            ])
            .where('a.code', '=', agencyCode)
            .as('c'),
        (join) => join.onRef('c.procedure_id', '=', 'p.procedure_id'),
      )
      .select([
        'v.procedure_version_id',
        'p.procedure_id',
        'c.agency_id',
        'c.code',
        'c.name',
        'c.unit_id',
        'c.unit_code',
        'c.path',
        'c.unit_path',
        // What the workflow and the due time need, for the agency found.
        storedWorkflowRead({
          channel,
          procedureVersionId: sql.ref('v.procedure_version_id'),
          agencyId: sql.ref('c.agency_id'),
        }).as('stored_workflow'),
        workingTimeRead(sql.ref('c.agency_id')).as('working_time'),
      ])
      .where('p.code', '=', procedureCode)
      .where('v.status', '=', sql.lit('published')),
);

/** What desk intake and online submission share: the request, checked. */
export type IntakeCore = Omit<IntakeInput, 'channel' | 'deskAgencyCode'> & {
  channel: IntakeInput['channel'] | 'online';
};

export type PreparedIntake = {
  procedureVersionId: string;
  procedure: Procedure;
  /** The published version's number, shown with the dossier. */
  procedureVersion: number;
  competentAgencyId: string;
  /** The competent agency's calendar revision and office hours, read with the procedure. */
  workingTime: WorkingTimeRead;
  workflow: Workflow;
  stepAgencies: { key: string; agencyId: string; agencyCode: string }[];
  /** The receiving, competent and performing agencies by id, as read for the checks. */
  agencies: Map<string, AgencyRow>;
  /** Required components not provided, and those the officer named missing. */
  missing: { code: string; name: string }[];
  /** Lenient mode: what the desk officer must look at before accepting (form and component problems). */
  warnings: ErrorDetail[];
  /** The components as stored: a reused one also carries its records' files. */
  components: ComponentInput[];
  /** The declaration as stored: as given, with its `x-prefill` fields filled when asked. */
  formData: unknown;
};

/**
 * Checks an intake or a submission and resolves its workflow: every problem found is reported at once
 * (400 naming each field), nothing is written. `fileOwner`: who attaches the files; only their uploader may.
 * `lenient` (dossiers handed over by the national portal, already submitted there): form and component
 * problems do not refuse the dossier; they come back as warnings for the desk officer, who accepts,
 * asks for a supplement or refuses as for any online submission.
 */
export type PublishedOffering = Awaited<ReturnType<typeof publishedOfferingQuery>>[number];

/** The tables the published offering is read from (publishedOfferingQuery and the reads it names). */
const OFFERING_TABLES = [
  'procedures',
  'procedure_versions',
  'procedure_offerings',
  'agencies',
  'units',
  'workflows',
  'calendar_revisions',
  'office_hours',
];

/**
 * Published offerings read within the last second (db/watched-cache.ts, ADR 0012): every intake of a
 * desk names the same few; a publication, retirement, offering, workflow or calendar change made by
 * this process ends them at once, another process's within the second.
 */
const cachedOffering = watchedCache<PublishedOffering>(OFFERING_TABLES, {
  maxAgeMs: 1_000,
  maxEntries: 2_000,
});

/** The published version and offering as prepareIntake reads them (undefined: not published or not offered there). */
export async function readPublished(deps: Deps, input: IntakeCore): Promise<PublishedOffering | undefined> {
  return cachedOffering(
    deps.writes,
    `${input.channel}\n${input.agencyCode}\n${input.procedureCode}`,
    async () => {
      const [published] = await publishedOfferingQuery(
        deps.db,
        input.channel,
        input.agencyCode,
        input.procedureCode,
      );
      return published;
    },
  );
}

export async function prepareIntake(
  deps: Deps,
  input: IntakeCore,
  how: {
    receiving: AgencyRow;
    fileOwner: FileUser;
    lenient?: boolean;
    /**
     * Fill the declaration's `x-prefill` fields that are empty (common/catalog/prefill.ts): "Kính gửi"
     * from the competent agency, the requester from `facts`. `vouched`: the facts come from the
     * identity provider, and a vouched field given with another value takes the vouched one (a warning).
     */
    prefill?: { facts: PrefillFacts; vouched: boolean };
  },
): Promise<PreparedIntake> {
  const { receiving, fileOwner, lenient = false } = how;
  const problems: ErrorDetail[] = [];
  // Which version is published now; its documents come from the cache (procedureVersion).
  const published = await readPublished(deps, input);
  if (!published)
    throw fail('DOSSIER_INVALID', {
      details: [
        {
          path: pathOf('procedureCode'),
          message: `Không có thủ tục mã ${input.procedureCode} đang áp dụng.`,
        },
      ],
    });
  const version = await procedureVersion(deps, published.procedure_version_id);
  const { procedure } = version;
  if (input.caseCode !== undefined && !procedure.cases.some((c) => c.key === input.caseCode)) {
    problems.push({ path: pathOf('caseCode'), message: `Thủ tục không có trường hợp “${input.caseCode}”.` });
  }
  const competent: AgencyRow | undefined =
    published.agency_id === null
      ? undefined
      : {
          agency_id: published.agency_id,
          code: published.code!,
          name: published.name!,
          unit_id: published.unit_id!,
          unit_code: published.unit_code!,
          path: published.path!,
          unit_path: published.unit_path!,
        };
  if (!competent)
    problems.push({
      path: pathOf('agencyCode'),
      message: `Cơ quan ${input.agencyCode} không giải quyết thủ tục này.`,
    });
  problems.push(...(await validateApplicant(deps.db, input.applicant, pathOf('applicant'))));

  const warnings: ErrorDetail[] = [];
  const soft = lenient ? warnings : problems;
  let formData = input.formData;
  if (how.prefill) {
    const filled = applyPrefill(
      formOf(version).schema,
      formData,
      { ...how.prefill.facts, agencyName: competent?.name },
      { vouched: how.prefill.vouched },
    );
    formData = filled.data;
    for (const c of filled.corrected)
      warnings.push({
        path: pathOf(`formData/${c.path.join('/')}`),
        message: `Đã ghi theo thông tin đã xác thực qua tài khoản định danh điện tử: ${c.vouched}.`,
      });
  }
  const form = formValidatorFor(version).validate(formData);
  // An oversized declaration is refused even where form errors are warnings (catalog formValidatorFor).
  if (!form.ok)
    for (const e of form.errors)
      (e.keyword === 'maxBytes' ? problems : soft).push({
        path: pathOf(`formData${e.pointer}`),
        message: e.message,
      });

  const known = new Set(procedure.components.map((_c, i) => componentCode(i)));
  const fileIds = input.components.flatMap((c) => c.fileIds ?? []);
  const usable = await usableFiles(deps.db, fileIds, fileOwner);
  (input.missing ?? []).forEach((m, i) => {
    if (!known.has(m.code))
      problems.push({ path: pathOf(`missing/${i}/code`), message: `Thủ tục không có thành phần ${m.code}.` });
  });
  input.components.forEach((c, i) => {
    if (!known.has(c.code))
      soft.push({
        path: pathOf(`components/${i}/code`),
        message: `Thủ tục không có thành phần ${c.code}.`,
      });
    (c.fileIds ?? []).forEach((f, j) => {
      if (!usable.has(f))
        problems.push({ path: pathOf(`components/${i}/fileIds/${j}`), message: 'Không có tệp này.' });
    });
    // Digitised at the counter (TT 03/2025 Điều 5): the scans are its files.
    if (c.digitised === true && (c.fileIds ?? []).length === 0)
      problems.push({
        path: pathOf(`components/${i}/fileIds`),
        message: 'Thành phần đã số hóa cần ít nhất một tệp bản quét.',
      });
    if (c.provided === 'electronic' && (c.fileIds ?? []).length === 0 && (c.links ?? []).length === 0) {
      soft.push({ path: pathOf(`components/${i}/fileIds`), message: 'Bản điện tử cần ít nhất một tệp.' });
    }
  });
  const reused = await resolveReusedDocuments(deps, {
    applicant: input.applicant,
    components: input.components,
    unitPath: receiving.unit_path,
    byCitizen: fileOwner.kind === 'citizen',
    pathOf,
  });
  problems.push(...reused.problems);
  if (problems.length > 0 || !competent) throw fail('DOSSIER_INVALID', { details: problems });

  const wf = await workflowForDossier(deps.db, version, {
    agencyId: competent.agency_id,
    channel: input.channel,
    stored: published.stored_workflow,
  });
  const { stepAgencies, agencies } = await performers(deps.db, wf, { receiving, competent });

  const provided = new Set(input.components.map((c) => c.code));
  const missing = requiredComponents(procedure, input.channel).filter((c) => !provided.has(c.code));
  for (const m of input.missing ?? []) {
    const index = Number(m.code.slice(2)) - 1;
    const c = procedure.components[index];
    if (c && !missing.some((x) => x.code === m.code))
      missing.push({ code: m.code, name: m.note ? `${c.name} (${m.note})` : c.name });
  }
  return {
    procedureVersionId: version.procedure_version_id,
    procedure,
    procedureVersion: version.version,
    competentAgencyId: competent.agency_id,
    workingTime: published.working_time,
    workflow: wf,
    stepAgencies,
    agencies,
    missing,
    warnings,
    components: reused.components,
    formData,
  };
}

/**
 * The agency performing each step of the workflow, and the rows of every agency involved: mostly the
 * receiving or the competent agency, whose rows are at hand; one read for the others.
 */
async function performers(
  db: Database,
  wf: Workflow & { problems: ErrorDetail[] },
  { receiving, competent }: { receiving: AgencyRow; competent: AgencyRow },
): Promise<{ stepAgencies: PreparedIntake['stepAgencies']; agencies: Map<string, AgencyRow> }> {
  if (wf.steps.length === 0) {
    throw fail('DOSSIER_NO_WORKFLOW', { details: wf.problems });
  }
  const resolved = await resolveWorkflow(db, wf, receiving, competent);
  const unresolved = resolved.findIndex((s) => s.agency === null);
  if (unresolved >= 0) {
    throw fail('DOSSIER_STEP_AGENCY_UNRESOLVED', { params: { step: resolved[unresolved]!.name } });
  }
  const agencies = new Map([
    [receiving.agency_id, receiving],
    [competent.agency_id, competent],
  ]);
  const byCode = new Map([...agencies.values()].map((a) => [a.code, a]));
  const others = [...new Set(resolved.map((s) => s.agency!.code))].filter((c) => !byCode.has(c));
  if (others.length > 0) {
    for (const a of (await agencyRowsByCode(db, others)).values()) {
      agencies.set(a.agency_id, a);
      byCode.set(a.code, a);
    }
  }
  const stepAgencies = resolved.map((s) => {
    const agency = byCode.get(s.agency!.code);
    if (agency === undefined) throw new Error(`agency ${s.agency!.code} vanished during intake`);
    return { key: s.key, agencyId: agency.agency_id, agencyCode: agency.code };
  });
  return { stepAgencies, agencies };
}

/** The view of a dossier intake has just written, with the one action it recorded (if any). */
export function intakeView(
  prepared: PreparedIntake,
  shown: Pick<
    Parameters<typeof dossierView>[0],
    'row' | 'state' | 'history' | 'workingTime' | 'now' | 'people' | 'addressUnitPath'
  >,
): DossierView {
  return dossierView({
    ...shown,
    agencies: prepared.agencies,
    procedure: {
      code: prepared.procedure.code,
      name: prepared.procedure.name,
      version: prepared.procedureVersion,
    },
  });
}
