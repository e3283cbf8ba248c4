// /ho-so/tiep-nhan: receiving a dossier at the desk, built for speed and the keyboard. The procedure
// is typed and chosen with ↓ and Enter; the competent agency defaults to the desk's own when it
// offers the procedure; the applicant; the declaration rendered from the procedure's JSON Schema;
// the components, each marked as handed in (original, copy …) or missing. Saving first checks the
// declaration in the browser with the server's rules (declaration-check.ts): its errors are shown
// beside the fields without sending anything. Then it sends one Idempotency-Key per intake, so a second
// click or a retry never makes a second dossier. 201 → the dossier's page (with its receipt). 422 → the
// dossier was recorded as incomplete: the missing list and the supplement-request slip. 400 → each
// message beside the field it names. Once the applicant's number is entered, the officer may look up
// the applicant's document store (docs/domain/documents.md; each lookup is audited, so only on the
// button) and cite its records for a component marked "Khai thác dữ liệu đã có".
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DossierComponent } from '../../../common/catalog/procedure.ts';
import { PROVIDED_VALUES } from '../../../common/contracts/dossiers.ts';
import {
  chooseDocument,
  intakeComponents,
  isApplicantIdNumber,
  normaliseIdNumber,
  type IntakeMark,
  type ReuseChoices,
} from '../../../common/dossiers/reuse.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { dossierPath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { getProcedure, type ProcedureDetail } from '../catalog/catalog-api.ts';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  applicantDocumentFileUrl,
  lookUpApplicantDocuments,
  type ApplicantDocumentList,
} from '../documents/applicant-documents-api.ts';
import { ReuseChoice, reuseOptionId } from '../documents/reuse-choice.tsx';
import { checkDeclaration, preloadDeclarationCheck } from './declaration-check.ts';
import { IncompleteError, newIdempotencyKey, receiveDossier, type IntakeBody } from './dossiers-api.ts';
import { ProcedurePicker, type PickedProcedure } from './procedure-picker.tsx';
import { errorsFor, initialValue, pruneValue, SchemaForm, type FormSchema } from './schema-form.tsx';

type Mark = IntakeMark;
type Applicant = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
};

const ID = {
  procedure: 'intake-procedure',
  agency: 'intake-agency',
  channel: 'intake-channel',
  applicant: (f: string) => `intake-applicant-${f}`,
  component: (i: number) => `intake-component-${i}`,
  lookup: 'intake-lookup',
  reuse: (i: number) => `intake-reuse-${i}`,
};

/** The lookup of the applicant's document store, for the number it was made with. */
type Lookup =
  | { kind: 'none' }
  | { kind: 'bad-number' }
  | { kind: 'loading'; idNumber: string }
  | { kind: 'done'; idNumber: string; list: ApplicantDocumentList }
  | { kind: 'error'; idNumber: string; error: unknown };
const FORM_PREFIX = 'intake-form';

type Loaded =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'done'; detail: ProcedureDetail }
  | { kind: 'error'; error: unknown };

type Failure = { fields: Record<string, string>; formFields: Record<string, string>; problems: Problem[] };

const EMPTY_APPLICANT: Applicant = { kind: 'person', fullName: '', idNumber: '', phone: '', email: '' };

export function IntakePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { navigate } = useRouter();
  const own = session.status === 'signed-in' ? session.user.roles.map((r) => r.agencyCode) : [];
  const [picked, setPicked] = useState<PickedProcedure | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'none' });
  const [agencyCode, setAgencyCode] = useState('');
  const [channel, setChannel] = useState<'direct' | 'postal'>('direct');
  const [applicant, setApplicant] = useState<Applicant>(EMPTY_APPLICANT);
  const [formData, setFormData] = useState<unknown>(undefined);
  const [marks, setMarks] = useState<Mark[]>([]);
  const [lookup, setLookup] = useState<Lookup>({ kind: 'none' });
  const [reused, setReused] = useState<ReuseChoices>({});
  const lookupAbort = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [incomplete, setIncomplete] = useState<IncompleteError | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const incompleteHeading = useRef<HTMLHeadingElement>(null);
  const ownKey = own.join(',');

  useEffect(() => {
    if (!picked) return;
    const controller = new AbortController();
    setLoaded({ kind: 'loading' });
    getProcedure(picked.code, controller.signal)
      .then((detail) => {
        setLoaded({ kind: 'done', detail });
        preloadDeclarationCheck({
          code: detail.procedure.code,
          version: detail.version,
          schema: detail.form,
        });
        const mine = detail.offeredBy.find((a) => ownKey.split(',').includes(a.code));
        setAgencyCode(mine?.code ?? '');
        setFormData(initialValue(detail.form) ?? {});
        setMarks(detail.procedure.components.map(() => ''));
        setReused({});
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [picked, ownKey]);

  useEffect(() => {
    if (incomplete) incompleteHeading.current?.focus();
  }, [incomplete]);

  const detail = loaded.kind === 'done' ? loaded.detail : null;
  const schema = detail ? (detail.form as FormSchema) : null;
  const components: DossierComponent[] = detail?.procedure.components ?? [];
  const fields = failure?.fields ?? {};

  const found = lookup.kind === 'done' ? lookup.list.items : [];

  /** A lookup's records belong to the number it was made with: another applicant drops them. */
  const forgetLookup = () => {
    lookupAbort.current?.abort();
    setLookup({ kind: 'none' });
    setReused({});
  };

  const setApplicantField = (f: keyof Applicant, v: string) => {
    if ((f === 'idNumber' || f === 'kind') && v !== applicant[f] && lookup.kind !== 'none') forgetLookup();
    setApplicant((a) => ({ ...a, [f]: v }));
  };

  function lookUp() {
    const idNumber = normaliseIdNumber(applicant.idNumber);
    if (!isApplicantIdNumber(idNumber)) {
      setLookup({ kind: 'bad-number' });
      return;
    }
    lookupAbort.current?.abort();
    const controller = new AbortController();
    lookupAbort.current = controller;
    setLookup({ kind: 'loading', idNumber });
    lookUpApplicantDocuments(idNumber, controller.signal)
      .then((list) => setLookup({ kind: 'done', idNumber, list }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLookup({ kind: 'error', idNumber, error });
      });
  }

  useEffect(() => () => lookupAbort.current?.abort(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!picked || !detail || !schema) {
      setFailure({
        fields: { procedure: t.dossiers.intake.pickFirst },
        formFields: {},
        problems: [
          { message: t.dossiers.intake.pickFirst, fieldId: ID.procedure, label: t.dossiers.intake.procedure },
        ],
      });
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
      return;
    }
    const body: IntakeBody = {
      procedureCode: picked.code,
      agencyCode,
      applicant: {
        kind: applicant.kind,
        fullName: applicant.fullName.trim(),
        idNumber: applicant.idNumber.replace(/\s/g, ''),
        phone: applicant.phone.replace(/\s/g, ''),
        ...(applicant.email.trim() ? { email: applicant.email.trim() } : {}),
      },
      formData: (pruneValue(schema, schema, formData) as Record<string, unknown> | undefined) ?? {},
      components: intakeComponents(marks, lookup.kind === 'done' ? reused : {}),
      channel,
      ...(marks.includes('missing')
        ? { missing: marks.flatMap((m, i) => (m === 'missing' ? [{ code: `TP${i + 1}` }] : [])) }
        : {}),
    };
    setBusy(true);
    setFailure(null);
    try {
      // Without the validator (it did not load), the intake's own answer names the declaration's errors.
      const declaration = await checkDeclaration(
        { code: detail.procedure.code, version: detail.version, schema: detail.form },
        body.formData,
        async () => null,
      );
      if (declaration !== null && !declaration.ok) {
        const mapped = errorsFor(
          t,
          schema,
          FORM_PREFIX,
          'body/formData/',
          declaration.errors.map((e) => ({
            path: `body/formData${e.pointer}`,
            message: e.message,
            code: e.keyword,
          })),
        );
        setFailure({
          fields: {},
          formFields: mapped.fields,
          problems: [...mapped.problems, ...mapped.rest.map((d) => ({ message: detailText(t, d) }))],
        });
        window.setTimeout(() => summaryHeading.current?.focus(), 0);
        return;
      }
      const view = await receiveDossier(body, idempotencyKey.current);
      navigate(`${dossierPath(view.code)}?moi=1`);
    } catch (error) {
      if (error instanceof IncompleteError) {
        setIncomplete(error);
        return;
      }
      // Nothing was recorded: the next attempt is a new intake.
      idempotencyKey.current = newIdempotencyKey();
      const next: Failure = { fields: {}, formFields: {}, problems: [] };
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = errorsFor(t, schema, FORM_PREFIX, 'body/formData/', error.details);
        next.formFields = mapped.fields;
        for (const d of mapped.rest) {
          const parts = d.path.split('/').slice(1);
          const message = detailText(t, d);
          let key: string | null = null;
          let id: string | undefined;
          let label: string | undefined;
          if (parts[0] === 'applicant' && parts[1] && parts[1] in EMPTY_APPLICANT) {
            key = `applicant/${parts[1]}`;
            id = ID.applicant(parts[1]);
            label = t.dossiers.applicant[parts[1] as keyof Applicant];
          } else if (parts[0] === 'procedureCode') {
            key = 'procedure';
            id = ID.procedure;
            label = t.dossiers.intake.procedure;
          } else if (parts[0] === 'agencyCode') {
            key = 'agency';
            id = ID.agency;
            label = t.dossiers.intake.agency;
          } else if (parts[0] === 'channel') {
            key = 'channel';
            id = ID.channel;
            label = t.dossiers.intake.channel;
          } else if ((parts[0] === 'components' || parts[0] === 'missing') && parts[1]) {
            const sent = parts[0] === 'components' ? body.components : (body.missing ?? []);
            const code = /^TP\d+$/.test(parts[1]) ? parts[1] : sent[Number(parts[1])]?.code;
            const index = code ? Number(code.slice(2)) - 1 : -1;
            if (
              components[index] &&
              parts[0] === 'components' &&
              parts[2] === 'documentIds' &&
              found.length > 0
            ) {
              key = `reuse/${index}`;
              id = reuseOptionId(ID.reuse(index), 0);
              label = `${t.reuse.legend} (${code})`;
            } else if (components[index]) {
              key = `component/${index}`;
              id = ID.component(index);
              label = components[index].name;
            }
          }
          if (key !== null && !(key in next.fields)) next.fields[key] = message;
          next.problems.push(id ? { message, fieldId: id, label } : { message });
        }
        // In the order of the page: procedure and applicant, the declaration, the components, the rest.
        const rest = next.problems;
        const isComponent = (p: Problem) => p.fieldId?.startsWith('intake-component-') ?? false;
        next.problems = [
          ...rest.filter((p) => p.fieldId && !isComponent(p)),
          ...mapped.problems,
          ...rest.filter(isComponent),
          ...rest.filter((p) => !p.fieldId),
        ];
      } else {
        next.problems.push({ message: errorText(t, error) });
      }
      setFailure(next);
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const startOver = () => {
    setIncomplete(null);
    setPicked(null);
    setLoaded({ kind: 'none' });
    setApplicant(EMPTY_APPLICANT);
    setFormData(undefined);
    setMarks([]);
    forgetLookup();
    idempotencyKey.current = newIdempotencyKey();
    window.setTimeout(() => document.getElementById(ID.procedure)?.focus(), 0);
  };

  if (incomplete) {
    return (
      <Page title={t.dossiers.intake.title} heading={t.dossiers.intake.title} className="intake-page">
        <section className="panel incomplete" aria-labelledby="incomplete-heading">
          <h2 id="incomplete-heading" className="panel-heading" tabIndex={-1} ref={incompleteHeading}>
            {t.dossiers.intake.incompleteHeading(incomplete.dossierCode)}
          </h2>
          <p>{incomplete.message || t.dossiers.intake.incomplete}</p>
          <ul className="plain-list">
            {incomplete.details.map((d, i) => (
              <li key={i}>{detailText(t, d)}</li>
            ))}
          </ul>
          <div className="form-actions">
            <a className="button button-primary" href={incomplete.slip} target="_blank" rel="noopener">
              {t.dossiers.slips['supplement-request']}
              <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
            </a>
            <Link to={dossierPath(incomplete.dossierCode)} className="button">
              {t.dossiers.intake.openDossier}
            </Link>
            <button type="button" className="button" onClick={startOver}>
              {t.dossiers.intake.another}
            </button>
          </div>
        </section>
      </Page>
    );
  }

  const applicantField = (
    f: Exclude<keyof Applicant, 'kind'>,
    type: string,
    required: boolean,
    extra = {},
  ) => {
    const id = ID.applicant(f);
    const error = fields[`applicant/${f}`];
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>
          {t.dossiers.applicant[f]}
          {required ? (
            <>
              <span className="required-mark" aria-hidden="true">
                {' '}
                *
              </span>
              <span className="visually-hidden"> ({t.dossiers.form.required})</span>
            </>
          ) : null}
        </label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type={type}
          value={applicant[f]}
          onChange={(e) => setApplicantField(f, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-required={required || undefined}
          {...extra}
        />
      </div>
    );
  };

  const agencyError = fields.agency;
  const ownOffering = detail ? detail.offeredBy.filter((a) => own.includes(a.code)) : [];
  const others = detail ? detail.offeredBy.filter((a) => !own.includes(a.code)) : [];

  return (
    <Page
      title={t.dossiers.intake.title}
      heading={t.dossiers.intake.title}
      intro={t.dossiers.intake.intro}
      className="intake-page"
    >
      <ErrorSummary
        title={t.dossiers.intake.errorSummary}
        problems={failure?.problems ?? []}
        headingRef={summaryHeading}
      />
      <form className="intake-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <section className="form-section" aria-labelledby="intake-procedure-heading">
          <h2 id="intake-procedure-heading" className="section-heading">
            {t.dossiers.intake.procedureHeading}
          </h2>
          <ProcedurePicker
            id={ID.procedure}
            picked={picked}
            error={fields.procedure}
            onPick={(p) => {
              setPicked(p);
              setFailure(null);
            }}
          />
          {loaded.kind === 'loading' ? (
            <p className="muted" role="status">
              {t.loading}
            </p>
          ) : loaded.kind === 'error' ? (
            <p className="inline-error" role="alert">
              {errorText(t, loaded.error)}
            </p>
          ) : null}
          {detail ? (
            <div className="field-pair">
              <div className={agencyError ? 'field field-invalid' : 'field'}>
                <label htmlFor={ID.agency}>
                  {t.dossiers.intake.agency}
                  <span className="required-mark" aria-hidden="true">
                    {' '}
                    *
                  </span>
                  <span className="visually-hidden"> ({t.dossiers.form.required})</span>
                </label>
                {agencyError ? (
                  <p className="field-error" id={`${ID.agency}-error`}>
                    {agencyError}
                  </p>
                ) : null}
                <select
                  id={ID.agency}
                  value={agencyCode}
                  onChange={(e) => setAgencyCode(e.target.value)}
                  aria-invalid={agencyError ? true : undefined}
                  aria-describedby={agencyError ? `${ID.agency}-error` : undefined}
                  aria-required
                >
                  <option value="">{t.dossiers.form.choose}</option>
                  {ownOffering.length > 0 ? (
                    <optgroup label={t.dossiers.intake.ownAgencies}>
                      {ownOffering.map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  <optgroup label={t.dossiers.intake.otherAgencies}>
                    {others.map((a) => (
                      <option key={a.code} value={a.code}>
                        {a.name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ID.channel}>{t.dossiers.intake.channel}</label>
                <select
                  id={ID.channel}
                  value={channel}
                  onChange={(e) => setChannel(e.target.value === 'postal' ? 'postal' : 'direct')}
                >
                  <option value="direct">{t.dossiers.channels.direct}</option>
                  <option value="postal">{t.dossiers.channels.postal}</option>
                </select>
              </div>
            </div>
          ) : null}
        </section>

        {detail && schema ? (
          <>
            <section className="form-section" aria-labelledby="intake-applicant-heading">
              <h2 id="intake-applicant-heading" className="section-heading">
                {t.dossiers.intake.applicantHeading}
              </h2>
              <p className="hint">{t.dossiers.intake.requiredNote}</p>
              <div className="field-pair">
                <div className="field">
                  <label htmlFor={ID.applicant('kind')}>{t.dossiers.applicant.kind}</label>
                  <select
                    id={ID.applicant('kind')}
                    value={applicant.kind}
                    onChange={(e) =>
                      setApplicantField('kind', e.target.value === 'organisation' ? 'organisation' : 'person')
                    }
                  >
                    <option value="person">{t.dossiers.applicant.person}</option>
                    <option value="organisation">{t.dossiers.applicant.organisation}</option>
                  </select>
                </div>
                {applicantField('fullName', 'text', true, { autoComplete: 'off' })}
                {applicantField('idNumber', 'text', true, { inputMode: 'numeric', autoComplete: 'off' })}
                {applicantField('phone', 'tel', true, { autoComplete: 'off' })}
                {applicantField('email', 'email', false, { autoComplete: 'off' })}
              </div>
              <div className="field reuse-lookup">
                <p className="hint" id={`${ID.lookup}-hint`}>
                  {t.reuse.desk.lookupHint}
                </p>
                <button
                  type="button"
                  id={ID.lookup}
                  className="button"
                  onClick={lookUp}
                  aria-describedby={[
                    `${ID.lookup}-hint`,
                    lookup.kind === 'bad-number' || lookup.kind === 'error' ? `${ID.lookup}-error` : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  aria-disabled={lookup.kind === 'loading' || undefined}
                >
                  {t.reuse.desk.lookup}
                </button>
                <p className="reuse-lookup-status" role="status">
                  {lookup.kind === 'loading'
                    ? t.reuse.desk.looking
                    : lookup.kind === 'done'
                      ? lookup.list.total === 0
                        ? t.reuse.desk.none(lookup.idNumber)
                        : lookup.list.total > lookup.list.items.length
                          ? `${t.reuse.desk.found(lookup.list.total, lookup.idNumber)} ${t.reuse.desk.newest(lookup.list.items.length)}`
                          : t.reuse.desk.found(lookup.list.total, lookup.idNumber)
                      : ''}
                </p>
                {lookup.kind === 'bad-number' || lookup.kind === 'error' ? (
                  <p className="inline-error" role="alert" id={`${ID.lookup}-error`}>
                    {lookup.kind === 'bad-number'
                      ? t.reuse.desk.badNumber
                      : lookup.error instanceof ApiError && lookup.error.status === 403
                        ? t.reuse.desk.forbidden
                        : t.reuse.desk.failed(errorText(t, lookup.error))}
                  </p>
                ) : null}
              </div>
            </section>

            <section className="form-section" aria-labelledby="intake-declaration-heading">
              <h2 id="intake-declaration-heading" className="section-heading">
                {schema.title ?? t.dossiers.intake.declarationHeading}
              </h2>
              {detail.genericForm ? <p className="note">{t.procedure.form.generic}</p> : null}
              <SchemaForm
                schema={schema}
                value={formData}
                onChange={setFormData}
                errors={failure?.formFields ?? {}}
                idPrefix={FORM_PREFIX}
              />
            </section>

            <section className="form-section" aria-labelledby="intake-components-heading">
              <h2 id="intake-components-heading" className="section-heading">
                {t.dossiers.intake.componentsHeading}
              </h2>
              <p className="hint">{t.dossiers.intake.componentsHint}</p>
              <ol className="component-checklist">
                {components.map((c, i) => {
                  const id = ID.component(i);
                  const error = fields[`component/${i}`];
                  return (
                    <li key={i} className={error ? 'field field-invalid' : 'field'}>
                      <label htmlFor={id}>
                        <span className="code">TP{i + 1}</span> {c.name}
                      </label>
                      {c.condition ? (
                        <p className="hint" id={`${id}-hint`}>
                          {t.dossiers.intake.condition(c.condition)}
                        </p>
                      ) : null}
                      {error ? (
                        <p className="field-error" id={`${id}-error`}>
                          {error}
                        </p>
                      ) : null}
                      <select
                        id={id}
                        value={marks[i] ?? ''}
                        onChange={(e) =>
                          setMarks((all) => all.map((m, j) => (j === i ? (e.target.value as Mark) : m)))
                        }
                        aria-invalid={error ? true : undefined}
                        aria-describedby={
                          [error ? `${id}-error` : '', c.condition ? `${id}-hint` : '']
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                      >
                        <option value="">{t.dossiers.provided.none}</option>
                        {PROVIDED_VALUES.map((p) => (
                          <option key={p} value={p}>
                            {t.dossiers.provided[p]}
                          </option>
                        ))}
                        <option value="missing">{t.dossiers.provided.missing}</option>
                      </select>
                      {marks[i] === 'reused' ? (
                        found.length > 0 ? (
                          <ReuseChoice
                            id={ID.reuse(i)}
                            code={`TP${i + 1}`}
                            componentName={c.name}
                            documents={found}
                            chosen={reused[`TP${i + 1}`] ?? []}
                            onChange={(documentId, chosen) =>
                              setReused((all) => chooseDocument(all, `TP${i + 1}`, documentId, chosen))
                            }
                            error={fields[`reuse/${i}`]}
                            fileUrl={
                              lookup.kind === 'done'
                                ? (documentId) => applicantDocumentFileUrl(lookup.idNumber, documentId)
                                : undefined
                            }
                          />
                        ) : (
                          <p className="hint">
                            {lookup.kind === 'done' ? t.reuse.desk.noneToChoose : t.reuse.desk.notLooked}
                          </p>
                        )
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>

            <div className="form-actions">
              <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
                {busy ? t.dossiers.intake.saving : t.dossiers.intake.save}
              </button>
            </div>
          </>
        ) : null}
      </form>
    </Page>
  );
}
