// The scans of one paper component taken in at the counter (số hóa, TT 03/2025 Điều 5): several files
// (PDF or images from the scanner, or photos from a phone's camera), dropped on the zone on a desktop or
// chosen with the file button, each sent at once to POST /files (staged until the intake attaches it;
// only the uploading account may), with the component's page count and its "digitised" mark.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { fileProblem, uploadFile } from '../citizen/citizen-api.ts';
import { fileSizeText } from '../citizen/citizen-format.ts';

export type ScannedFile = {
  fileId: string;
  name: string;
  size: number;
  /** When it was chosen: scans keep the order they were chosen in, whichever upload ends first. */
  order?: number;
};
export type ComponentScans = { files: ScannedFile[]; pageCount: string; digitised: boolean };
export const NO_SCANS: ComponentScans = { files: [], pageCount: '', digitised: false };

/** What the browser is asked to offer: scans as PDF or images, and the camera on a phone. */
export const SCAN_ACCEPT = 'application/pdf,image/*';

type Sending = { key: number; name: string; size: number; loaded: number; abort: () => void };

/** A phone or tablet: the file button opens the camera (`capture`), the scanner's files come by drop elsewhere. */
function touchFirst(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true;
}

export function IntakeScans({
  id,
  label,
  scans,
  onChange,
  onUploading,
  error,
}: {
  id: string;
  /** The component's name, for the controls' accessible names. */
  label: string;
  scans: ComponentScans;
  onChange: (next: (current: ComponentScans) => ComponentScans) => void;
  onUploading: (uploading: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const s = t.dossiers.scans;
  const [sending, setSending] = useState<Sending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const next = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const [camera] = useState(touchFirst);
  const callbacks = useRef({ onChange, onUploading });
  useEffect(() => {
    callbacks.current = { onChange, onUploading };
  });
  useEffect(() => callbacks.current.onUploading(sending.length > 0), [sending.length]);
  // Uploads still going when the page goes away are cancelled.
  const live = useRef<Sending[]>([]);
  live.current = sending;
  useEffect(() => () => live.current.forEach((x) => x.abort()), []);

  function send(files: readonly File[]) {
    const refused: string[] = [];
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) {
        refused.push(s.refused(file.name, t.citizen.upload.problems[problem]));
        continue;
      }
      const key = ++next.current;
      const upload = uploadFile(file, (loaded) =>
        setSending((all) => all.map((x) => (x.key === key ? { ...x, loaded } : x))),
      );
      setSending((all) => [
        ...all,
        { key, name: file.name, size: file.size, loaded: 0, abort: upload.abort },
      ]);
      upload.promise.then(
        (uploaded) => {
          setSending((all) => all.filter((x) => x.key !== key));
          setAnnouncement(s.added(file.name));
          callbacks.current.onChange((current) => ({
            ...current,
            // A scan taken in marks the component digitised; the officer may take the mark off.
            digitised: current.files.length === 0 ? true : current.digitised,
            files: [
              ...current.files,
              { fileId: uploaded.fileId, name: file.name, size: file.size, order: key },
            ].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
          }));
        },
        (err: unknown) => {
          setSending((all) => all.filter((x) => x.key !== key));
          if (!isAbort(err)) setProblems((all) => [...all, s.refused(file.name, errorText(t, err))]);
        },
      );
    }
    setProblems(refused);
  }

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    send([...e.dataTransfer.files]);
  };

  const remove = (fileId: string, name: string) => {
    onChange((current) => ({ ...current, files: current.files.filter((f) => f.fileId !== fileId) }));
    setAnnouncement(s.removed(name));
    window.setTimeout(() => inputRef.current?.focus(), 0);
  };

  const pagesId = `${id}-pages`;
  const digitisedId = `${id}-digitised`;
  const errorId = `${id}-scans-error`;
  return (
    <div className="intake-scans">
      <div
        className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-files`}>
          {camera ? s.takePhoto : s.choose}
          <span className="visually-hidden"> ({label})</span>
        </label>
        <input
          ref={inputRef}
          id={`${id}-files`}
          type="file"
          multiple
          accept={SCAN_ACCEPT}
          {...(camera ? { capture: 'environment' as const } : {})}
          aria-describedby={[`${id}-scan-hint`, error ? errorId : ''].filter(Boolean).join(' ')}
          onChange={(e) => {
            send([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <span className="hint" id={`${id}-scan-hint`}>
          {camera ? s.hintCamera : s.hintDrop}
        </span>
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {problems.map((p, i) => (
        <p key={i} className="field-error" role="alert">
          {p}
        </p>
      ))}
      {scans.files.length + sending.length > 0 ? (
        <ul className="upload-list scan-list" aria-label={s.listLabel(label)}>
          {scans.files.map((f) => (
            <li key={f.fileId}>
              <span className="scan-name">{f.name}</span>{' '}
              <span className="muted">{fileSizeText(t, f.size)}</span>{' '}
              <button type="button" className="button button-small" onClick={() => remove(f.fileId, f.name)}>
                {s.remove(f.name)}
              </button>
            </li>
          ))}
          {sending.map((x) => (
            <li key={`sending-${x.key}`}>
              <span className="scan-name">{x.name}</span>{' '}
              <progress max={x.size || 1} value={x.loaded} aria-label={s.sending(x.name)} />{' '}
              <button type="button" className="button button-small" onClick={() => x.abort()}>
                {s.cancel(x.name)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="scan-facts">
        <div className="field field-inline">
          <label htmlFor={pagesId}>
            {s.pages}
            <span className="visually-hidden"> ({label})</span>
          </label>
          <input
            id={pagesId}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            size={5}
            autoComplete="off"
            value={scans.pageCount}
            onChange={(e) => {
              const v = e.target.value.replace(/\D/g, '').slice(0, 4);
              onChange((current) => ({ ...current, pageCount: v }));
            }}
          />
        </div>
        <div className="field field-inline field-checkbox">
          <input
            id={digitisedId}
            type="checkbox"
            checked={scans.digitised}
            onChange={(e) => {
              const checked = e.target.checked;
              onChange((current) => ({ ...current, digitised: checked }));
            }}
          />
          <label htmlFor={digitisedId}>
            {s.digitised}
            <span className="visually-hidden"> ({label})</span>
          </label>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
