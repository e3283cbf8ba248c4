// The explanation of a due time as a readable list, one line per span of the timeline:
// "Tính từ 07:30 Thứ Hai, 23/11/2026 đến 17:00 Thứ Hai, 23/11/2026", "Thứ Bảy, Chủ nhật — không tính",
// "Ngày Văn hóa Việt Nam (24/11) — nghỉ". The reasons are the engine's Vietnamese words.
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { ExplanationSpan } from './calendar-api.ts';
import { formatInstant } from './vn-time.ts';

export function DueTrail({ explanation }: { explanation: ExplanationSpan[] }) {
  const { t } = useI18n();
  return (
    <ol className="trail">
      {explanation.map((span, i) => {
        const from = formatInstant(t, span.from);
        const to = formatInstant(t, span.to);
        const counted = span.kind === 'counted';
        const suffix = (t.trail.suffix as Record<string, string>)[span.kind];
        return (
          <li
            key={i}
            className={counted ? 'trail-item trail-counted' : `trail-item trail-skipped trail-${span.kind}`}
          >
            <p className="trail-title">
              {counted ? t.trail.counted(from, to) : suffix ? `${span.reason} — ${suffix}` : span.reason}
            </p>
            <p className="trail-detail">{counted ? span.reason : t.trail.range(from, to)}</p>
          </li>
        );
      })}
    </ol>
  );
}
