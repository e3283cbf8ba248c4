// "Nếu nộp bây giờ, dự kiến trả kết quả: …": the due time of a dossier received now at a desk, from
// the direct channel's legal time limit, the standard office hours and the holiday calendar
// (GET /calendar/due). Only an estimate: the desk's receipt slip carries the official date.
// The procedure page computes it before it shows anything, so the box never grows under the reader.
import { errorText } from '../../app/errors.ts';
import { withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import type { Expected } from './expected-due.ts';
import { formatInstant, isoToLocalInput } from '../calendar/vn-time.ts';
import { timeLimitText } from './catalog-format.ts';

export function ExpectedResult({ expected }: { expected: Expected }) {
  const { t } = useI18n();
  let body;
  if (expected.kind === 'none') body = <p>{t.procedure.expected.none}</p>;
  else if (expected.kind === 'no-unit') body = <p>{t.procedure.expected.noUnit}</p>;
  else if (expected.kind === 'unsupported') body = <p>{t.procedure.expected.unsupported}</p>;
  else if (expected.kind === 'error') body = <p className="inline-error">{errorText(t, expected.error)}</p>;
  else {
    const how = withQuery(PATHS.dueTime, {
      start: isoToLocalInput(expected.start) ?? undefined,
      value: expected.limit.value,
      unit: expected.unit,
    });
    body = (
      <>
        <p className="expected-line">
          {t.procedure.expected.lead}{' '}
          <strong className="expected-date">{formatInstant(t, expected.due.dueAt)}</strong>
        </p>
        {expected.due.provisional ? <p className="note-warning">{t.procedure.expected.provisional}</p> : null}
        <p className="hint">{t.procedure.expected.basis(timeLimitText(t, expected.limit))}</p>
        <p className="expected-how">
          <Link to={how}>{t.procedure.expected.howLink}</Link>
        </p>
      </>
    );
  }
  return (
    <section className="expected panel" aria-labelledby="expected-heading">
      <h2 id="expected-heading" className="panel-heading">
        {t.procedure.expected.heading}
      </h2>
      {body}
    </section>
  );
}
