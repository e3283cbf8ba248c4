// /quan-tri/nhap-ho-so (#17 "Moving in"): an administrator brings in the dossiers of the system being
// replaced. She chooses the file and its format (the national portal's dossier-sync records as JSON
// lines, an OpenCPS export, or motcua's Excel template), runs it as a dry run, follows it on its
// progress bar, reads the report, and runs the same file for real. Earlier runs are listed below; the
// run shown is in the address (`?lan=<id>`), so a reload or a colleague's link shows it again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DossierImportFormat } from '../../../common/contracts/imports.ts';
import { errorText } from '../../app/errors.ts';
import { SelectFilter } from '../../app/field-frame.tsx';
import { FileImportSection } from '../../app/file-import-section.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useRouter, useSearchParam } from '../../app/router.tsx';
import { importQueries, startDossierImport } from './imports-api.ts';
import { FORMATS, importIdOf, progressText, vnDateTimeText } from './import-rules.ts';
import { ImportRun } from './import-run.tsx';

function History({ current }: { current: string | null }) {
  const { t } = useI18n();
  const m = t.imports;
  const read = useQuery(importQueries.list());
  const items = read.data?.items ?? [];
  return (
    <section aria-labelledby="import-history-heading">
      <h2 id="import-history-heading" className="section-heading">
        {m.historyHeading}
      </h2>
      <ReadError read={read} />
      {items.length === 0 ? (
        read.isSuccess ? (
          <p>{m.noHistory}</p>
        ) : null
      ) : (
        <ul className="plain-list">
          {items.map((i) => (
            <li key={i.id}>
              <Link
                to={`${PATHS.dossierImports}?lan=${i.id}`}
                aria-current={i.id === current ? 'page' : undefined}
              >
                {m.historyItem(i.dryRun, i.fileName ?? `#${i.id}`, vnDateTimeText(i.startedAt))}
              </Link>{' '}
              <span className="hint">
                {m.states[i.state]} · {progressText(t, i)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ImportsPage() {
  const { t } = useI18n();
  const m = t.imports;
  const { navigate } = useRouter();
  const client = useQueryClient();
  const current = importIdOf(useSearchParam('lan'));
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<DossierImportFormat>('dvcqg');
  const [problem, setProblem] = useState<string | null>(null);
  const [chosenFor, setChosenFor] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (v: { file: File; format: DossierImportFormat; apply: boolean }) =>
      startDossierImport(v.file, v),
    onMutate: () => setProblem(null),
    onSuccess: ({ id }, v) => {
      setChosenFor(v.apply ? null : id);
      navigate(`${PATHS.dossierImports}?lan=${id}`);
      return client.invalidateQueries({ queryKey: importQueries.all });
    },
    onError: (error) => setProblem(errorText(t, error)),
  });
  const run = (chosen: File, apply: boolean) => {
    if (!start.isPending) start.mutate({ file: chosen, format, apply });
  };

  return (
    <Page title={m.title} heading={m.title} intro={m.intro}>
      <FileImportSection
        id="import"
        heading={m.startHeading}
        texts={{ ...m, running: m.sending }}
        accept={format === 'xlsx' ? '.xlsx' : '.jsonl,.json,.ndjson,.txt'}
        pending={start.isPending ? (start.variables.apply ? 'apply' : 'trial') : null}
        // The import for real is offered by the finished trial run (import-run.tsx).
        apply={null}
        problem={problem}
        onChoose={(chosen) => {
          setFile(chosen);
          setProblem(null);
          setChosenFor(null);
        }}
        onRun={run}
        before={
          <>
            <SelectFilter
              id="import-format"
              label={m.format}
              value={format}
              options={FORMATS.map((f) => ({ value: f, label: m.formats[f] }))}
              onChange={(f) => {
                setFormat(f);
                setChosenFor(null);
              }}
            />
            {format === 'xlsx' ? (
              <p className="hint">
                <a href="/api/v1/imports/templates/dossiers.xlsx" download>
                  {m.template}
                </a>
              </p>
            ) : null}
          </>
        }
      />
      {current ? (
        <ImportRun
          key={current}
          id={current}
          onApply={chosenFor === current && file ? () => run(file, true) : null}
        />
      ) : null}
      <History current={current} />
    </Page>
  );
}
