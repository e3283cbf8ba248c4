// The dossier actions (thao tác) as data: label, who may act, from which statuses to which, the effects
// and slips each may produce, the legal basis, and the inputs each needs. lifecycle.ts enforces it;
// docs/domain/lifecycle.md explains it. Evidence: [V] read in legal-notes; [U] from the decree's known
// structure, not verified in legal-notes (see the doc).
import type { WorkflowRole } from '../catalog/workflow.ts';
import type { ArrayField, InputSchema, StringField } from './input-schema.ts';
import type { ActionKind, DossierState, EffectType, ReturnChannel, SlipKind, StopCategory } from './model.ts';
import type { DossierStatus } from './statuses.ts';

/** Which agency a staff role is held at, relative to the dossier. */
export type AgencyRelation = 'receiving-agency' | 'step-agency' | 'responsible-agency';

/**
 * Who may act. `step-performer`: holds the current step's role at the agency performing the step and,
 * unless it is a desk step (pooled among the desk officers), is the step's assignee. `step-pool`: holds
 * the current step's role at that agency (to claim it).
 */
export type ActorRule =
  | { who: 'applicant' }
  | { who: 'staff'; role: WorkflowRole; at: AgencyRelation }
  | { who: 'step-performer' }
  | { who: 'step-pool' }
  | { who: 'system' };

export type ActionDefinition = {
  /** Vietnamese, as on the button. */
  label: string;
  actors: readonly ActorRule[];
  /** Vietnamese: who may act, for documentation and refusals. */
  who: string;
  from: readonly DossierStatus[];
  /** Every status the action may lead to (the same status for in-place actions). */
  to: readonly DossierStatus[];
  effects: readonly EffectType[];
  slips: readonly SlipKind[];
  legalBasis: string;
};

const SYNC = 'sync-portal' as const;
const NOTIFY = 'notify-applicant' as const;

export const DOSSIER_ACTIONS: Readonly<Record<ActionKind, ActionDefinition>> = {
  accept: {
    label: 'Tiếp nhận hồ sơ',
    actors: [{ who: 'step-performer' }],
    who: 'cán bộ một cửa của cơ quan tiếp nhận',
    from: ['submitted'],
    to: ['received'],
    effects: ['start-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['receipt'],
    legalBasis: 'NĐ 61/2018 Điều 17 [U]; NĐ 118/2025 Điều 17 k1, k2 [V]; Mẫu 01 TT 01/2018, TT 03/2025 [V]',
  },
  'request-supplement': {
    label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    actors: [{ who: 'step-performer' }],
    who: 'cán bộ một cửa khi tiếp nhận; người đang xử lý bước hiện tại khi giải quyết',
    from: ['submitted', 'received', 'processing'],
    to: ['awaiting-supplement'],
    effects: ['pause-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['supplement-request'],
    legalBasis:
      'NĐ 61/2018 Điều 17 (tiếp nhận), Điều 19 k1 c (giải quyết) [U]; Mẫu 02 TT 01/2018, TT 03/2025 [V]; tạm dừng thời hạn: legal-notes §4.1 r.9 [P]',
  },
  supplement: {
    label: 'Bổ sung hồ sơ',
    actors: [{ who: 'applicant' }, { who: 'staff', role: 'desk-officer', at: 'receiving-agency' }],
    who: 'người nộp hồ sơ, hoặc cán bộ một cửa của cơ quan tiếp nhận nhận bổ sung',
    from: ['awaiting-supplement'],
    to: ['submitted', 'received', 'processing'],
    effects: ['resume-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['receipt'],
    legalBasis: 'NĐ 45/2020 Điều 12 [V]; legal-notes §1.3 T6, T12 [P]',
  },
  refuse: {
    label: 'Từ chối tiếp nhận hồ sơ',
    actors: [{ who: 'step-performer' }],
    who: 'cán bộ một cửa của cơ quan tiếp nhận',
    from: ['submitted', 'awaiting-supplement'],
    to: ['refused'],
    effects: ['issue-slip', NOTIFY, SYNC],
    slips: ['refusal'],
    legalBasis: 'NĐ 61/2018 Điều 17 [U]; Mẫu 03 TT 01/2018, TT 03/2025 [V]; legal-notes §1.3 T7, T8',
  },
  claim: {
    label: 'Nhận xử lý',
    actors: [{ who: 'step-pool' }],
    who: 'người giữ vai trò của bước hiện tại tại cơ quan thực hiện bước',
    from: ['processing'],
    to: ['processing'],
    effects: [SYNC],
    slips: [],
    legalBasis: 'Quy trình nội bộ; legal-notes §1.3 T10, §5 B8 [P]',
  },
  assign: {
    label: 'Phân công xử lý',
    actors: [{ who: 'staff', role: 'leader', at: 'step-agency' }],
    who: 'lãnh đạo cơ quan thực hiện bước hiện tại',
    from: ['processing', 'awaiting-supplement', 'awaiting-payment'],
    to: ['processing', 'awaiting-supplement', 'awaiting-payment'],
    effects: [SYNC],
    slips: [],
    legalBasis: 'NĐ 61/2018 Điều 19 k1 [U]; legal-notes §1.3 T10 [P]',
  },
  forward: {
    label: 'Chuyển bước tiếp theo',
    actors: [{ who: 'step-performer' }],
    who: 'người đang xử lý bước hiện tại',
    from: ['received', 'processing'],
    to: ['processing', 'result-ready'],
    effects: ['stop-clock', 'move-to-agency', NOTIFY, SYNC],
    slips: [],
    legalBasis:
      'NĐ 61/2018 Điều 18 [U]; NĐ 118/2025 Điều 18 [V]; Phiếu kiểm soát Mẫu 05 TT 01/2018, Mẫu 06 TT 03/2025 [V]',
  },
  'send-back': {
    label: 'Trả lại bước trước',
    actors: [{ who: 'step-performer' }],
    who: 'người đang xử lý bước hiện tại (nếu bước cho phép trả lại)',
    from: ['processing'],
    to: ['processing', 'received'],
    effects: ['move-to-agency', SYNC],
    slips: [],
    legalBasis: 'Quy trình nội bộ (bước “được trả lại bước trước”); legal-notes §5 B8 [P]',
  },
  approve: {
    label: 'Phê duyệt, ký kết quả',
    actors: [{ who: 'step-performer' }],
    who: 'lãnh đạo được phân công ở bước phê duyệt',
    from: ['processing'],
    to: ['processing', 'result-ready'],
    effects: ['stop-clock', 'move-to-agency', NOTIFY, SYNC],
    slips: [],
    legalBasis: 'NĐ 45/2020 Điều 14 [V]; NĐ 118/2025 Điều 22 [V]; legal-notes §1.3 T19',
  },
  deny: {
    label: 'Từ chối giải quyết (không đủ điều kiện)',
    actors: [{ who: 'step-performer' }],
    who: 'lãnh đạo được phân công ở bước phê duyệt',
    from: ['processing'],
    to: ['stopped'],
    effects: ['stop-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['refusal'],
    legalBasis: 'NĐ 61/2018 Điều 19 k1 [U]; legal-notes §1.3 T18 [P]',
  },
  apologize: {
    label: 'Xin lỗi và hẹn lại ngày trả kết quả',
    actors: [{ who: 'staff', role: 'leader', at: 'responsible-agency' }],
    who: 'lãnh đạo cơ quan chịu trách nhiệm giải quyết hồ sơ',
    from: ['received', 'processing'],
    to: ['received', 'processing'],
    effects: ['issue-slip', 'extend-due', NOTIFY, SYNC],
    slips: ['apology'],
    legalBasis:
      'NĐ 61/2018 Điều 19 [U]; Mẫu 04 TT 01/2018 (hẹn lại), TT 03/2025 (đề nghị gia hạn) [V]; legal-notes §4.1 r.10 [P]',
  },
  'return-result': {
    label: 'Trả kết quả',
    actors: [{ who: 'step-performer' }],
    who: 'cán bộ một cửa của cơ quan trả kết quả',
    from: ['result-ready'],
    to: ['returned'],
    effects: [NOTIFY, SYNC],
    slips: [],
    legalBasis: 'NĐ 61/2018 Điều 20 [U]; NĐ 118/2025 Điều 22 [V]; Sổ theo dõi Mẫu 06/07 [V]',
  },
  withdraw: {
    label: 'Rút hồ sơ (dừng thực hiện theo đề nghị)',
    actors: [{ who: 'applicant' }, { who: 'staff', role: 'desk-officer', at: 'receiving-agency' }],
    who: 'người nộp hồ sơ, hoặc cán bộ một cửa của cơ quan tiếp nhận theo đề nghị của người nộp',
    from: ['submitted', 'received', 'processing', 'awaiting-supplement', 'awaiting-payment'],
    to: ['withdrawn'],
    effects: ['stop-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['stop-notice'],
    legalBasis: 'NĐ 118/2025 Điều 21 k1, k2 [V]; TT 03/2025 Điều 7, Mẫu 05 [V]',
  },
  stop: {
    label: 'Dừng xử lý hồ sơ',
    actors: [{ who: 'staff', role: 'leader', at: 'responsible-agency' }],
    who: 'lãnh đạo cơ quan chịu trách nhiệm giải quyết hồ sơ',
    from: ['received', 'processing', 'awaiting-supplement', 'awaiting-payment'],
    to: ['stopped'],
    effects: ['stop-clock', 'issue-slip', NOTIFY, SYNC],
    slips: ['stop-notice'],
    legalBasis: 'legal-notes §1.1 (mã 8), §1.3 T13 [P]',
  },
  'request-payment': {
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    actors: [{ who: 'step-performer' }],
    who: 'người đang xử lý bước hiện tại',
    from: ['processing'],
    to: ['awaiting-payment'],
    effects: ['pause-clock', NOTIFY, SYNC],
    slips: [],
    legalBasis: 'legal-notes §1.3 T14, §4.1 r.9 [P]',
  },
  'confirm-payment': {
    label: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
    actors: [{ who: 'system' }, { who: 'staff', role: 'desk-officer', at: 'receiving-agency' }],
    who: 'hệ thống thanh toán, hoặc cán bộ một cửa của cơ quan tiếp nhận',
    from: ['awaiting-payment'],
    to: ['processing'],
    effects: ['resume-clock', NOTIFY, SYNC],
    slips: [],
    legalBasis: 'NĐ 118/2025 Điều 24 [V]; legal-notes §1.3 T15 [P]',
  },
};

// ---- inputs -----------------------------------------------------------------------------------------

const REASON_MAX = 2000;

function text(title: string, maxLength = REASON_MAX, description?: string): StringField {
  const field: StringField = { type: 'string', title, minLength: 1, maxLength, pattern: '\\S' };
  if (description !== undefined) field.description = description;
  return field;
}

function optionalText(title: string, maxLength = REASON_MAX): StringField {
  return { type: 'string', title, maxLength };
}

const note = optionalText('Ghi chú');
const reason = text('Lý do');
const userId = (title: string): StringField => text(title, 100);
const dateTime = (title: string, description: string): StringField => ({
  type: 'string',
  title,
  description,
  format: 'date-time',
  maxLength: 40,
});

const documents = (title: string, itemTitle: string): ArrayField => ({
  type: 'array',
  title,
  minItems: 1,
  maxItems: 50,
  items: {
    type: 'object',
    title: itemTitle,
    properties: {
      name: text('Tên giấy tờ', 500),
      fileId: { ...optionalText('Tệp đính kèm', 200), 'x-file': true },
    },
    required: ['name'],
    additionalProperties: false,
  },
});

export const RETURN_CHANNEL_OPTIONS: readonly { const: ReturnChannel; title: string }[] = [
  { const: 'counter', title: 'Trực tiếp tại Bộ phận Một cửa' },
  { const: 'postal', title: 'Qua dịch vụ bưu chính công ích' },
  { const: 'online', title: 'Trực tuyến (kho dữ liệu của người nộp)' },
];

export const STOP_CATEGORY_OPTIONS: readonly { const: StopCategory; title: string }[] = [
  { const: 'not-eligible', title: 'Hồ sơ không đủ điều kiện giải quyết' },
  { const: 'supplement-overdue', title: 'Quá hạn bổ sung hồ sơ' },
  { const: 'decision', title: 'Dừng theo quyết định của cơ quan có thẩm quyền' },
];

function schema(properties: InputSchema['properties'], required: readonly string[] = []): InputSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

function isDeskStep(state: DossierState, index: number): boolean {
  return state.workflow.steps[index]?.role === 'desk-officer';
}

/**
 * The inputs of `kind` for this dossier. A few depend on the state: `forward` offers to choose the next
 * step's handler only when that step is not a desk step; `stop` offers "supplement overdue" only while a
 * supplement is awaited.
 */
export function actionInputs(kind: ActionKind, state: DossierState): InputSchema {
  switch (kind) {
    case 'accept': {
      // Received and handed on in one act: the server records `forward` to this handler right after.
      const next = state.step.index + 1;
      if (next < state.workflow.steps.length - 1 && !isDeskStep(state, next))
        return schema({ nextAssigneeId: userId('Chuyển ngay cho người xử lý bước tiếp theo'), note });
      return schema({ note });
    }
    case 'claim':
      return schema({ note });
    case 'request-supplement':
      return schema(
        {
          missingComponents: {
            type: 'array',
            title: 'Nội dung cần bổ sung, hoàn thiện',
            minItems: 1,
            maxItems: 50,
            items: {
              type: 'object',
              title: 'Thành phần cần bổ sung',
              properties: {
                name: text('Tên thành phần hồ sơ', 500),
                requirement: optionalText('Yêu cầu (bản chính, bản sao, số lượng …)', 500),
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
          reason,
          note,
        },
        ['missingComponents', 'reason'],
      );
    case 'supplement':
      return schema({ components: documents('Giấy tờ bổ sung', 'Giấy tờ'), note }, ['components']);
    case 'refuse':
    case 'deny':
      return schema({ reason, note }, ['reason']);
    case 'assign':
      return schema({ assigneeId: userId('Người được phân công'), note }, ['assigneeId']);
    case 'forward': {
      const next = state.step.index + 1;
      const last = state.workflow.steps.length - 1;
      if (next < last && !isDeskStep(state, next)) {
        return schema({ nextAssigneeId: userId('Người xử lý bước tiếp theo'), note });
      }
      return schema({ note });
    }
    case 'send-back':
      return schema({ reason }, ['reason']);
    case 'approve':
      // The result as signed (NĐ 30/2020 on administrative documents: số, ký hiệu; ngày ký; người ký).
      return schema(
        {
          resultNumber: text('Số, ký hiệu văn bản kết quả (để trống: lấy số tiếp theo trong sổ)', 100),
          resultDate: { type: 'string', title: 'Ngày ký', format: 'date', maxLength: 10 },
          signer: text('Người ký', 200),
          resultDocuments: documents('Kết quả giải quyết', 'Văn bản kết quả'),
          note,
        },
        // resultNumber: when left out, the deciding agency's result register gives the next (#19).
        ['resultDate', 'signer', 'resultDocuments'],
      );
    case 'apologize':
      return schema(
        {
          reason: text('Lý do quá hạn'),
          newDueAt: dateTime(
            'Thời gian hẹn trả kết quả mới',
            'Sau hạn hiện tại; hạn ban đầu vẫn được dùng để đánh giá đúng hạn',
          ),
        },
        ['reason', 'newDueAt'],
      );
    case 'return-result':
      return schema(
        {
          channel: {
            type: 'string',
            title: 'Hình thức trả kết quả',
            maxLength: 20,
            oneOf: RETURN_CHANNEL_OPTIONS,
          },
          recipientName: optionalText('Người nhận kết quả', 200),
          note,
        },
        ['channel'],
      );
    case 'withdraw':
      return schema({ reason: optionalText('Lý do rút hồ sơ'), note });
    case 'stop':
      return schema(
        {
          category: {
            type: 'string',
            title: 'Căn cứ dừng xử lý',
            maxLength: 40,
            oneOf: STOP_CATEGORY_OPTIONS.filter(
              (o) =>
                o.const === 'decision' ||
                (o.const === 'supplement-overdue' && state.status === 'awaiting-supplement'),
            ),
          },
          reason: text('Lý do cụ thể'),
          decisionRef: optionalText('Số, ký hiệu văn bản (nếu có)', 200),
        },
        ['category', 'reason'],
      );
    case 'request-payment':
      return schema(
        {
          items: {
            type: 'array',
            title: 'Nghĩa vụ tài chính',
            minItems: 1,
            maxItems: 50,
            items: {
              type: 'object',
              title: 'Khoản phải nộp',
              properties: {
                name: text('Tên khoản (thuế, phí, lệ phí)', 500),
                amountVnd: { type: 'integer', title: 'Số tiền (đồng)', minimum: 0, maximum: 1e15 },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
          note,
        },
        ['items'],
      );
    case 'confirm-payment':
      return schema({ receiptRef: text('Số biên lai, chứng từ', 200), note }, ['receiptRef']);
  }
}
