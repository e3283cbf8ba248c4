// Which event an applicant.notification message ({ dossierCode, action, status }) is, if any: the
// lifecycle's notify-applicant effects mapped to the events the applicant is told of
// (docs/domain/notifications.md, "Events"). Internal moves (a forward between processing steps, a
// supplement received, a payment confirmed) send nothing.
import type { NotificationEvent } from '../contracts/notifications.ts';

const BY_ACTION: Readonly<Record<string, NotificationEvent>> = {
  accept: 'received',
  'request-supplement': 'supplement-requested',
  'request-payment': 'payment-requested',
  apologize: 'apology',
  'return-result': 'returned',
  stop: 'stopped',
  refuse: 'refused',
  withdraw: 'withdrawn',
  deny: 'denied',
};

export function eventOfAction(action: string, status: string): NotificationEvent | null {
  if ((action === 'approve' || action === 'forward') && status === 'result-ready') return 'result-ready';
  // Desk intake writes its dossier received in one statement, with the action `receive` or `accept`.
  if (status === 'received' && (action === 'accept' || action === 'receive' || action === 'intake'))
    return 'received';
  return BY_ACTION[action] ?? null;
}

export function eventOfFeedback(event: string): NotificationEvent | null {
  if (event === 'received') return 'feedback-received';
  if (event === 'answered') return 'feedback-answered';
  return null;
}
