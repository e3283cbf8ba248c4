// "Nhập danh mục thủ tục" (#17 "Moving in"), for province administrators on /quan-tri/thu-tuc: a
// catalogue file (JSON: procedures.json's shape or the national catalogue's records; or the list the
// province publishes with its announcing decision, .xlsx) tried first — every record's outcome,
// nothing written — then imported with the button that says what it will write. The very file tried
// is what is imported. A file that is not JSON, or not a catalogue, is named at the field; the API's
// refusals are shown with every field they name.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { FileImportSection, type ApplyButton } from '../../app/file-import-section.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { useInvalidate } from '../../app/query.ts';
import { ApiError } from '../../app/http.ts';
import { catalogQueries } from '../catalog/catalog-api.ts';
import { catalogAdminQueries, importCatalogue } from './catalog-admin-api.ts';
import { CatalogueImportReportView, type CatalogueAnswer } from './catalogue-import-report.tsx';
import {
  applyCounts,
  CatalogueFileError,
  readCatalogueFile,
  type CatalogueFile,
  type FileProblem,
} from './catalogue-import-rules.ts';

const ACCEPT =
  '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function applyButton(t: Messages, answer: CatalogueAnswer | null): ApplyButton {
  const m = t.catalogAdmin.import;
  const counts = answer ? applyCounts(answer.report) : null;
  const label =
    counts !== null
      ? m.apply(counts.created, counts.updated, counts.drafted)
      : answer === null
        ? m.applyFirst
        : answer.report.dryRun
          ? m.applyNothing
          : m.applyDone;
  return { label, busyLabel: m.applying, enabled: counts !== null };
}

/** The API's refusal: its message, then each field it names. */
function Failure({ t, error }: { t: Messages; error: unknown }) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="inline-error" role="alert">
      <p>{errorText(t, error)}</p>
      {details.length > 0 ? (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              <code>{detailField(d)}</code>: {detailText(t, d)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CatalogueImportSection() {
  const { t } = useI18n();
  const m = t.catalogAdmin.import;
  const invalidate = useInvalidate();
  const [answer, setAnswer] = useState<CatalogueAnswer | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** Each answer is a new report (its heading takes the focus). */
  const [answers, setAnswers] = useState(0);
  /** The file last read, so that the import sends the very text the trial ran. */
  const tried = useRef<{ file: File; read: CatalogueFile } | null>(null);

  const run = useMutation({
    mutationFn: async (v: { file: File; apply: boolean }): Promise<CatalogueAnswer> => {
      const read = tried.current?.file === v.file ? tried.current.read : await readCatalogueFile(v.file);
      tried.current = { file: v.file, read };
      const report = await importCatalogue(read, v.apply);
      return { report, names: read.names, fileName: v.file.name };
    },
    onMutate: () => {
      setProblem(null);
      setFailure(null);
    },
    onSuccess: (next) => {
      setAnswer(next);
      setAnswers((n) => n + 1);
      if (!next.report.dryRun) return invalidate(catalogAdminQueries.all, catalogQueries.all);
    },
    onError: (error) => {
      setAnswer(null);
      if (error instanceof CatalogueFileError) setProblem(error.problem);
      else setFailure(error);
    },
  });

  return (
    <FileImportSection
      id="catalogue-import"
      heading={m.heading}
      intro={m.intro}
      texts={m}
      accept={ACCEPT}
      pending={run.isPending ? (run.variables.apply ? 'apply' : 'trial') : null}
      apply={applyButton(t, answer)}
      problem={problem ? m.fileProblems[problem] : null}
      onChoose={() => {
        tried.current = null;
        setAnswer(null);
        setProblem(null);
        setFailure(null);
      }}
      onRun={(file, apply) => run.mutate({ file, apply })}
    >
      {failure !== null ? <Failure t={t} error={failure} /> : null}
      {answer ? <CatalogueImportReportView key={answers} answer={answer} /> : null}
    </FileImportSection>
  );
}
