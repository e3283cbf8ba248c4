// What the public sees of a procedure. The catalogue keeps, beside each published value, notes on where
// it was read and how sure it is ("Cổng chỉ hiển thị số 1; đơn vị lấy từ nguồn B", "suy ra từ …"): an
// administrator needs them to correct the record; a citizen reading the procedure page does not, and
// must not take them for the law. Notes that say something about the procedure itself ("kể từ ngày
// nhận đủ hồ sơ", "có thể thực hiện qua thủ tục liên thông 3.000722") stay.
import { foldVietnamese } from '../text/fold.ts';
import type { Procedure } from './procedure.ts';

// Folded wording of a note about the data rather than the procedure: its sources (nguồn A/B, the API,
// what the portal showed), guesses and doubts, and the crawl.
const SOURCE_NOTE =
  /\bnguon\b|\bapi\b|\bcong (chi )?(hien thi|ghi)\b|\bgia tri hien thi\b|\bkhong hien thi\b|\bcrawl|\bformalityid\b|\bportalurl\b|\bjson\b|\bsuy ra\b|\bchua (xac nhan|doi chieu)\b|\bnghi sai\b|\bdien giai\b|\bghi nguyen van\b|\bdau vet\b|\bthoi diem truy cap\b|\bnull\b|\bday\b|\bworking.day\b|\bisfullprocess\b|\bkhong liet ke o day\b|\bdanh muc (tthc )?(cua )?hai phong\b/;

/** A note about where a value was read or how sure it is, not about the procedure. */
export function isSourceNote(note: string): boolean {
  return SOURCE_NOTE.test(foldVietnamese(note).replace(/\s+/g, ' '));
}

const keep = (note: string | null): string | null => (note !== null && !isSourceNote(note) ? note : null);

/** The procedure as the public routes give it: the same record without the data's own notes. */
export function publicProcedure(p: Procedure): Procedure {
  const limits = (l: Procedure['timeLimits']): Procedure['timeLimits'] => ({
    direct: l.direct && { ...l.direct, note: keep(l.direct.note) },
    online: l.online && { ...l.online, note: keep(l.online.note) },
    postal: l.postal && { ...l.postal, note: keep(l.postal.note) },
  });
  const gaps = (g: Procedure['timeLimitGaps']) => g.map((x) => ({ ...x, note: keep(x.note) }));
  const fees = (f: Procedure['fees']) => f.map((x) => ({ ...x, note: keep(x.note) }));
  return {
    ...p,
    timeLimits: limits(p.timeLimits),
    timeLimitGaps: gaps(p.timeLimitGaps),
    fees: fees(p.fees),
    feePolicy: p.feePolicy && { ...p.feePolicy, note: keep(p.feePolicy.note) },
    cases: p.cases.map((c) => ({
      ...c,
      timeLimits: limits(c.timeLimits),
      timeLimitGaps: gaps(c.timeLimitGaps),
      fees: fees(c.fees),
    })),
    onlineNote: keep(p.onlineNote),
    notes: p.notes.filter((n) => !isSourceNote(n)),
    provenance: {
      sourceId: null,
      repo: null,
      path: null,
      commit: null,
      portalUrl: p.provenance.portalUrl,
      accessDate: p.provenance.accessDate,
      levelAsPublishedOn: null,
      levelSource: null,
    },
  };
}
