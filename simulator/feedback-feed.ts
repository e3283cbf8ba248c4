// The national portal's PAKN feed, simulated (issue #18): PAKN sent on dichvucong.gov.vn to an agency of
// the province, listed for the provincial system (GET /api/v1/pakn?cursor=&limit=) until it acknowledges
// them (POST /api/v1/pakn/xacnhan { MaPAKN: [...] }), as the dossier feed (E2) is. The record's fields
// follow the national portal's naming; duplicates and shuffling come from the inbound faults.

/** One PAKN as the portal lists it. */
export type FeedbackRecord = {
  MaPAKN: string;
  /** 1 phản ánh, 2 kiến nghị. */
  LoaiPAKN: 1 | 2;
  TieuDe: string;
  NoiDung: string;
  MaCoQuan: string;
  HoTen: string;
  SoDienThoai: string;
  Email: string;
  DiaChi: string;
  NgayGui: string;
};

/** Sample PAKN to `agencyCode`, numbered from `firstSeq`. */
export function feedbackSeed(
  count: number,
  agencyCode: string,
  firstSeq: number,
  now: Date,
): FeedbackRecord[] {
  const subjects = [
    ['Chậm trả kết quả cấp giấy phép xây dựng', 'Hồ sơ đã quá hạn hẹn trả nhưng chưa có kết quả.'],
    ['Đề nghị công khai mức phí chứng thực', 'Đề nghị niêm yết công khai phí, lệ phí tại bộ phận một cửa.'],
    ['Cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định', 'Cán bộ yêu cầu bản sao sổ hộ khẩu.'],
  ] as const;
  return Array.from({ length: count }, (_, i) => {
    const seq = firstSeq + i;
    const [title, body] = subjects[seq % subjects.length]!;
    return {
      MaPAKN: `DVCQG.PAKN.${String(seq).padStart(6, '0')}`,
      LoaiPAKN: seq % 2 === 0 ? 2 : 1,
      TieuDe: title,
      NoiDung: body,
      MaCoQuan: agencyCode,
      HoTen: `Người gửi số ${seq}`,
      SoDienThoai: `09${String(10_000_000 + seq).slice(-8)}`,
      Email: `nguoigui${seq}@example.vn`,
      DiaChi: 'Việt Nam',
      NgayGui: now.toISOString(),
    };
  });
}

type Item = { seq: number; record: FeedbackRecord; acked: boolean };

/** The feed's state and its answers; `random` and the duplicate rate come from the simulator's faults. */
export function createFeedbackFeed() {
  let items: Item[] = [];
  let seq = 0;
  return {
    reset: () => {
      items = [];
      seq = 0;
    },
    seed: (input: { count?: number; agencyCode?: string; records?: FeedbackRecord[] }, now: Date) => {
      const records =
        input.records ?? feedbackSeed(input.count ?? 3, input.agencyCode ?? '000.00.00.H26', seq + 1, now);
      for (const record of records) items.push({ seq: ++seq, record, acked: false });
      return records.map((r) => r.MaPAKN);
    },
    list: (cursor: number, limit: number, faults: { duplicateRate: number; random: () => number }) => {
      const open = items.filter((x) => !x.acked && x.seq > cursor);
      const page = open.slice(0, limit);
      const out = page.map((x) => x.record);
      if (faults.duplicateRate > 0) {
        for (const x of page) if (faults.random() < faults.duplicateRate) out.push(x.record);
        for (const x of items) if (x.acked && faults.random() < faults.duplicateRate) out.push(x.record);
      }
      return { data: out, nextCursor: open.length > page.length ? String(page.at(-1)!.seq) : null };
    },
    ack: (codes: readonly string[]) => {
      let acknowledged = 0;
      for (const x of items)
        if (codes.includes(x.record.MaPAKN) && !x.acked) {
          x.acked = true;
          acknowledged++;
        }
      return acknowledged;
    },
  };
}
