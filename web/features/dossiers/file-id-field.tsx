// The control of an action input marked `x-file` (the file of a result or supplement document): the
// officer chooses a PDF, JPEG or PNG, it is sent at once to POST /files with a progress bar (the same
// upload as the citizen's, citizen-api.ts), and the returned file id becomes the input's value. The
// upload can be cancelled while it goes and the file removed after.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FILE_ACCEPT, fileProblem, uploadFile } from '../citizen/citizen-api.ts';
import { fileSizeText } from '../citizen/citizen-format.ts';

/** What the form knows of the files uploaded through it, by file id (the value holds only the id). */
export type KnownFiles = Map<string, { name: string; size: number }>;

type Sending = { name: string; size: number; loaded: number; abort: () => void };

export function FileIdField({
  id,
  label,
  hint,
  error,
  describedBy,
  required,
  value,
  known,
  onChange,
  onUploading,
}: {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  error: ReactNode;
  describedBy: string | undefined;
  required: boolean;
  value: string | undefined;
  known: KnownFiles;
  onChange: (fileId: string | undefined) => void;
  /** `token` names this field's upload for as long as the field lives, wherever its row moves. */
  onUploading: (token: string, uploading: boolean) => void;
}) {
  const { t } = useI18n();
  const u = t.citizen.upload;
  const [sending, setSending] = useState<Sending | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const abortRef = useRef<(() => void) | null>(null);
  /** The upload under way: a replaced or cancelled one no longer touches the field. */
  const current = useRef(0);
  const token = useId();
  // An upload ends after other edits: it answers through the callbacks of the latest render, which
  // know where the field is now (a row above it may have been removed meanwhile).
  const callbacks = useRef({ onChange, onUploading });
  useEffect(() => {
    callbacks.current = { onChange, onUploading };
  });

  // An upload still going when the form closes is cancelled.
  useEffect(() => () => abortRef.current?.(), []);

  function choose(file: File) {
    setFailure(null);
    const problem = fileProblem(file);
    if (problem) {
      setFailure(u.problems[problem]);
      setAnnouncement(u.failed(file.name, u.problems[problem]));
      return;
    }
    callbacks.current.onChange(undefined);
    const mine = ++current.current;
    const { promise, abort } = uploadFile(file, (loaded) =>
      setSending((s) => (s && current.current === mine ? { ...s, loaded } : s)),
    );
    abortRef.current = abort;
    setSending({ name: file.name, size: file.size, loaded: 0, abort });
    callbacks.current.onUploading(token, true);
    promise
      .then((done) => {
        if (current.current !== mine) return;
        known.set(done.fileId, { name: file.name, size: file.size });
        callbacks.current.onChange(done.fileId);
        setAnnouncement(u.done(file.name));
      })
      .catch((err: unknown) => {
        if (isAbort(err) || current.current !== mine) return;
        const message = errorText(t, err);
        setFailure(message);
        setAnnouncement(u.failed(file.name, message));
      })
      .finally(() => {
        if (current.current !== mine) return;
        abortRef.current = null;
        setSending(null);
        callbacks.current.onUploading(token, false);
      });
  }

  const attached = value ? known.get(value) : undefined;
  const types = `${id}-types`;
  return (
    <div className={error || failure ? 'field upload-field field-invalid' : 'field upload-field'}>
      {label}
      {hint}
      <p className="hint" id={types}>
        {u.types}
      </p>
      {error}
      {failure ? (
        <p className="field-error" id={`${id}-failure`}>
          {failure}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        accept={FILE_ACCEPT}
        aria-describedby={[describedBy, types, failure ? `${id}-failure` : ''].filter(Boolean).join(' ')}
        aria-invalid={error || failure ? true : undefined}
        aria-required={required || undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again (after removing it) is seen as a change.
          e.target.value = '';
          if (!file) return;
          abortRef.current?.();
          choose(file);
        }}
      />
      {sending ? (
        <p className="upload-item upload-uploading">
          <span className="upload-name">{sending.name}</span>{' '}
          <span className="muted upload-size">{fileSizeText(t, sending.size)}</span>{' '}
          <progress
            max={100}
            value={sending.size > 0 ? Math.min(100, Math.round((sending.loaded / sending.size) * 100)) : 100}
            aria-label={u.progressOf(sending.name)}
          />{' '}
          <button type="button" className="button button-small" onClick={() => sending.abort()}>
            {u.cancel}
            <span className="visually-hidden"> {sending.name}</span>
          </button>
        </p>
      ) : value ? (
        <p className="upload-item upload-done">
          <span className="upload-name">{attached?.name ?? t.dossiers.form.fileAttached}</span>{' '}
          {attached ? <span className="muted upload-size">{fileSizeText(t, attached.size)}</span> : null}{' '}
          <span className="upload-state">{u.uploaded}</span>{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onChange(undefined);
              setAnnouncement('');
            }}
          >
            {u.remove}
            <span className="visually-hidden"> {attached?.name ?? t.dossiers.form.fileAttached}</span>
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
