// The one way a file is brought in (#17 "Moving in"): a section with its heading, the file chooser with
// its hint and problem, "Chạy thử" and, where the import offers it beside the trial, the button that
// applies the same file and says what it will do. The section's owner sends the file and shows what
// came back below the buttons (`children`); controls that shape the sending (a format) come before
// the file (`before`). Used by the catalogue, agency code list, staff list and dossier imports.
import { useRef, useState, type ReactNode } from 'react';

export type FileImportTexts = {
  file: string;
  fileHint: string;
  /** Said when a button is pressed before any file was chosen. */
  chooseFile: string;
  dryRun: string;
  running: string;
};

/** The button that applies the file: what it says (what it will do), and whether it may be pressed now. */
export type ApplyButton = { label: string; busyLabel: string; enabled: boolean };

export type FileImportSectionProps = {
  /** Prefix of the elements' ids: `<id>-heading`, `<id>-file`, `<id>-file-hint`, `<id>-file-error`. */
  id: string;
  heading: string;
  intro?: ReactNode;
  texts: FileImportTexts;
  accept: string;
  /** What the server is doing with the file now. */
  pending: 'trial' | 'apply' | null;
  /** Null: no apply button here (the dossier import offers it in its run). */
  apply: ApplyButton | null;
  /** A problem of the file or of its sending, shown at the file. */
  problem: string | null;
  /** A file chosen (or the choice cleared): what was shown of the previous one is stale. */
  onChoose: (file: File | null) => void;
  onRun: (file: File, apply: boolean) => void;
  before?: ReactNode;
  /** Buttons of the section's owner after the import's own (the staff list's "Đóng"). */
  actions?: ReactNode;
  children?: ReactNode;
};

export function FileImportSection(props: FileImportSectionProps) {
  const { id, texts, pending, apply } = props;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const problem = missing ? texts.chooseFile : props.problem;
  const errorId = `${id}-file-error`;
  const hintId = `${id}-file-hint`;

  const run = (applying: boolean) => {
    if (pending !== null) return;
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    props.onRun(file, applying);
  };
  const canApply = apply !== null && apply.enabled && pending === null;

  return (
    <section aria-labelledby={`${id}-heading`} className="dossier-section">
      <h2 id={`${id}-heading`} className="section-heading">
        {props.heading}
      </h2>
      {props.intro ? <p className="hint">{props.intro}</p> : null}
      {props.before}
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-file`}>{texts.file}</label>
        <p className="hint" id={hintId}>
          {texts.fileHint}
        </p>
        {problem ? (
          <p className="field-error" id={errorId} role="alert">
            {problem}
          </p>
        ) : null}
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept={props.accept}
          aria-describedby={[problem ? errorId : '', hintId].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setMissing(false);
            props.onChoose(chosen);
          }}
        />
      </div>
      <p className="page-actions">
        <button
          type="button"
          className={apply ? 'button' : 'button button-primary'}
          aria-disabled={pending !== null || undefined}
          onClick={() => run(false)}
        >
          {pending === 'trial' ? texts.running : texts.dryRun}
        </button>
        {apply ? (
          <>
            {' '}
            <button
              type="button"
              className="button button-primary"
              aria-disabled={!canApply || undefined}
              onClick={() => {
                if (canApply) run(true);
              }}
            >
              {pending === 'apply' ? apply.busyLabel : apply.label}
            </button>
          </>
        ) : null}
        {props.actions ? <> {props.actions}</> : null}
      </p>
      {props.children}
    </section>
  );
}
