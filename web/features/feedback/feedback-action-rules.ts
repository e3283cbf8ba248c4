// The staff's actions on one feedback (POST /feedback/<code>/actions/<action>, common/contracts/feedback.ts
// FeedbackActionBodies): which fields each form has, what must be given before sending, the body sent,
// and the field an error path of the envelope names. Unit-tested in feedback-action-rules.test.ts.
import type { FeedbackAction } from '../../../common/contracts/feedback.ts';

export type ActionValues = {
  category: string;
  reason: string;
  toAgencyCode: string;
  note: string;
  username: string;
  text: string;
  withholdName: boolean;
  urgent: boolean;
};
export type ActionField = keyof ActionValues;

export const EMPTY_ACTION: ActionValues = {
  category: '',
  reason: '',
  toAgencyCode: '',
  note: '',
  username: '',
  text: '',
  withholdName: false,
  urgent: false,
};

export const ACTION_FIELDS: Readonly<Record<FeedbackAction, readonly ActionField[]>> = {
  classify: ['category', 'reason', 'urgent'],
  transfer: ['toAgencyCode', 'note'],
  assign: ['username'],
  'draft-answer': ['text'],
  'submit-answer': [],
  'return-answer': ['reason'],
  approve: [],
  publish: ['withholdName'],
  'send-to-sender': [],
  hide: ['reason'],
  unhide: [],
  reopen: ['reason'],
};

/** The reason is required to return a draft, to hide, and to refuse (NĐ 20 Điều 9: with the reason). */
export function reasonRequired(action: FeedbackAction, v: ActionValues): boolean {
  return (
    action === 'return-answer' ||
    action === 'hide' ||
    (action === 'classify' && v.category === 'not-accepted')
  );
}

export type ActionProblem = 'required' | 'reasonNeeded' | 'agencyNeeded';

export function actionProblems(
  action: FeedbackAction,
  v: ActionValues,
): Partial<Record<ActionField, ActionProblem>> {
  const out: Partial<Record<ActionField, ActionProblem>> = {};
  const blank = (s: string) => s.trim() === '';
  const fields = ACTION_FIELDS[action];
  if (fields.includes('category') && blank(v.category)) out.category = 'required';
  if (fields.includes('reason') && reasonRequired(action, v) && blank(v.reason)) out.reason = 'reasonNeeded';
  if (fields.includes('toAgencyCode') && blank(v.toAgencyCode)) out.toAgencyCode = 'agencyNeeded';
  if (fields.includes('note') && blank(v.note)) out.note = 'required';
  if (fields.includes('username') && blank(v.username)) out.username = 'required';
  if (fields.includes('text') && blank(v.text)) out.text = 'required';
  return out;
}

/** The body of the action: only its own fields, trimmed; an optional reason left out when blank. */
export function actionBody(action: FeedbackAction, v: ActionValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of ACTION_FIELDS[action]) {
    if (field === 'withholdName') {
      if (v.withholdName) body.publishSenderData = false;
      continue;
    }
    if (field === 'urgent') {
      if (v.urgent) body.urgent = true;
      continue;
    }
    const value = v[field].trim();
    if (value !== '') body[field] = value;
  }
  return body;
}

/** `body/reason` → reason; `body/publishSenderData` → withholdName; anything else: null. */
export function actionFieldOf(path: string): ActionField | null {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'body') parts.shift();
  const head = parts[0] ?? '';
  if (head === 'publishSenderData') return 'withholdName';
  return head in EMPTY_ACTION ? (head as ActionField) : null;
}
