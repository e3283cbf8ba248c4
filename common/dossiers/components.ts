// Which of a procedure's dossier components (thành phần hồ sơ) the rules make required on a channel:
// one implementation for the server's intake and online submission (server/modules/dossiers/intake/intake.prepare.ts) and the
// citizen's apply page, which checks the attachments before sending (web/features/citizen/apply-rules.ts).
import type { DossierComponent, Procedure } from '../catalog/procedure.ts';

/** Component codes are the positions in the procedure's list, from 1 (TP1, TP2 …). */
export const componentCode = (index: number): string => `TP${index + 1}`;

const CHANNEL_WORDING: Record<string, RegExp> = {
  direct: /trực tiếp/i,
  postal: /bưu chính/i,
  online: /trực tuyến/i,
};

/**
 * Whether the rules make a component required on a channel: listed without a condition, or with a
 * condition naming the channel ("nộp trực tiếp hoặc qua bưu chính"), except papers only shown for
 * checking (xuất trình), which are never handed over, and, online, the declaration itself (the form
 * filled on screen is that paper); a component marked `required` is required whatever its wording
 * says. Other conditions (trẻ bị bỏ rơi, ủy quyền …) are
 * the desk's judgement: the officer lists what is missing.
 */
export function isRequiredOn(c: DossierComponent, channel: string): boolean {
  if (c.submission === 'present') return false;
  if (c.declaration === true && channel === 'online') return false;
  if (c.required === true) return true;
  const wording = CHANNEL_WORDING[channel];
  return c.condition === null || (wording !== undefined && wording.test(c.condition));
}

/** The components required on a channel, with their codes, in the procedure's order. */
export function requiredComponents(p: Procedure, channel: string): { code: string; name: string }[] {
  return p.components.flatMap((c, i) =>
    isRequiredOn(c, channel) ? [{ code: componentCode(i), name: c.name }] : [],
  );
}
