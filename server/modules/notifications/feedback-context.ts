// The sender of a PAKN (feedback.notification { feedbackCode, event, at }), once the feedback module
// is merged: until then no feedback is known and its messages send nothing.
import type { Deps } from '../../deps.ts';
import type { EventContext } from './delivery.ts';

export async function loadFeedbackContexts(_deps: Deps, codes: string[]): Promise<Map<string, EventContext>> {
  void codes;
  return new Map();
}
