// Attaching files: each chosen file is sent at once (POST /files) with a progress bar, and can be
// cancelled while it goes or removed after. The uploads of a page live in one hook, by slot (a dossier
// component, a supplement row), so that the page can tell what is ready to submit.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { FILE_ACCEPT, fileProblem, uploadFile } from './citizen-api.ts';
import { fileSizeText } from './citizen-format.ts';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';

export type UploadEntry = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  status: 'uploading' | 'done' | 'failed';
  fileId: string | null;
  /** The secret an anonymous feedback upload is answered with, echoed when sending (#18). */
  uploadToken: string | null;
  error: string | null;
};

export type Uploads = {
  entries: (slot: string) => UploadEntry[];
  add: (slot: string, files: readonly File[]) => void;
  remove: (slot: string, key: string) => void;
  /** The ids of the files sent, by slot. */
  fileIds: (slot: string) => string[];
  /** The files sent, by slot, with their upload tokens. */
  uploaded: (slot: string) => { fileId: string; uploadToken: string | null }[];
  busy: boolean;
  /** What the last upload did, for the live region. */
  announcement: string;
};

let counter = 0;

/** `url`: where the files go (POST /files unless a page sends them elsewhere, as feedback does). */
export function useUploads(t: Messages, url?: string): Uploads {
  const [bySlot, setBySlot] = useState<Record<string, UploadEntry[]>>({});
  const [announcement, setAnnouncement] = useState('');
  const aborts = useRef(new Map<string, () => void>());
  const u = t.citizen.upload;

  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const abort of pending.values()) abort();
    };
  }, []);

  const update = useCallback((slot: string, key: string, change: Partial<UploadEntry>) => {
    setBySlot((all) => ({
      ...all,
      [slot]: (all[slot] ?? []).map((e) => (e.key === key ? { ...e, ...change } : e)),
    }));
  }, []);

  const add = useCallback(
    (slot: string, files: readonly File[]) => {
      for (const file of files) {
        const key = `upload-${++counter}`;
        const problem = fileProblem(file);
        const entry: UploadEntry = {
          key,
          name: file.name,
          size: file.size,
          loaded: 0,
          status: problem ? 'failed' : 'uploading',
          fileId: null,
          uploadToken: null,
          error: problem ? u.problems[problem] : null,
        };
        setBySlot((all) => ({ ...all, [slot]: [...(all[slot] ?? []), entry] }));
        if (problem) {
          setAnnouncement(u.failed(file.name, u.problems[problem]));
          continue;
        }
        const { promise, abort } = uploadFile(file, (loaded) => update(slot, key, { loaded }), url);
        aborts.current.set(key, abort);
        promise
          .then((done) => {
            const uploadToken = (done as { uploadToken?: string }).uploadToken ?? null;
            update(slot, key, { status: 'done', loaded: file.size, fileId: done.fileId, uploadToken });
            setAnnouncement(u.done(file.name));
          })
          .catch((error: unknown) => {
            if (isAbort(error)) return;
            const message = errorText(t, error);
            update(slot, key, { status: 'failed', error: message });
            setAnnouncement(u.failed(file.name, message));
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [t, u, update, url],
  );

  const remove = useCallback((slot: string, key: string) => {
    aborts.current.get(key)?.();
    aborts.current.delete(key);
    setBySlot((all) => ({ ...all, [slot]: (all[slot] ?? []).filter((e) => e.key !== key) }));
  }, []);

  const entries = useCallback((slot: string) => bySlot[slot] ?? [], [bySlot]);
  const fileIds = useCallback(
    (slot: string) =>
      (bySlot[slot] ?? []).flatMap((e) => (e.status === 'done' && e.fileId ? [e.fileId] : [])),
    [bySlot],
  );
  const uploaded = useCallback(
    (slot: string) =>
      (bySlot[slot] ?? []).flatMap((e) =>
        e.status === 'done' && e.fileId ? [{ fileId: e.fileId, uploadToken: e.uploadToken }] : [],
      ),
    [bySlot],
  );
  const busy = Object.values(bySlot).some((list) => list.some((e) => e.status === 'uploading'));
  return { entries, add, remove, fileIds, uploaded, busy, announcement };
}

/** A file input with the list of what it sent. */
export function FileField({
  id,
  slot,
  uploads,
  label,
  hint,
  required = false,
  error,
  multiple = true,
  types,
}: {
  id: string;
  slot: string;
  uploads: Uploads;
  label: ReactNode;
  hint?: string | null | undefined;
  required?: boolean;
  error?: string | undefined;
  multiple?: boolean;
  /** The kinds and sizes accepted, when not those of a dossier's papers. */
  types?: string | undefined;
}) {
  const { t } = useI18n();
  const u = t.citizen.upload;
  const entries = uploads.entries(slot);
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', `${id}-types`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field upload-field field-invalid' : 'field upload-field'}>
      <LabelAndHint id={id} label={label} required={required} hint={hint} />
      <p className="hint" id={`${id}-types`}>
        {types ?? u.types}
      </p>
      <FieldError id={id} error={error} />
      <input
        id={id}
        type="file"
        accept={FILE_ACCEPT}
        multiple={multiple}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared, so that choosing the same file again (after removing it) is seen as a change.
          e.target.value = '';
          if (files.length > 0) uploads.add(slot, multiple ? files : files.slice(0, 1));
        }}
      />
      {entries.length > 0 ? (
        <ul className="upload-list">
          {entries.map((e) => {
            const percent = e.size > 0 ? Math.min(100, Math.round((e.loaded / e.size) * 100)) : 100;
            return (
              <li key={e.key} className={`upload-item upload-${e.status}`}>
                <span className="upload-name">{e.name}</span>{' '}
                <span className="muted upload-size">{fileSizeText(t, e.size)}</span>
                {e.status === 'uploading' ? (
                  <span className="upload-progress">
                    <progress max={100} value={percent} aria-label={u.progressOf(e.name)} />
                    <span aria-hidden="true">{percent}%</span>
                  </span>
                ) : e.status === 'done' ? (
                  <span className="upload-state">{u.uploaded}</span>
                ) : (
                  <span className="field-error upload-state">{e.error}</span>
                )}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => uploads.remove(slot, e.key)}
                >
                  {e.status === 'uploading' ? u.cancel : u.remove}
                  <span className="visually-hidden"> {e.name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** One live region per page for what the uploads did (the bars themselves are not announced). */
export function UploadAnnouncer({ uploads }: { uploads: Uploads }) {
  return (
    <p className="visually-hidden" role="status">
      {uploads.announcement}
    </p>
  );
}
