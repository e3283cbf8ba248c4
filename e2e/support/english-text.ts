// What an English page must not show: a letter only Vietnamese writes (ă â đ ê ô ơ ư, or a vowel with a
// tone mark). Text in a `[lang=vi]` subtree is data (names of people, agencies, units, procedures,
// declarations) and stays Vietnamese, as its `lang` says; the rest is the interface and must be English.
import type { Page } from 'playwright-core';
import { hasVietnameseLetter } from '../../common/text/vietnamese-letters.ts';

/**
 * Proper names that the interface itself writes in Vietnamese, with the reason each may stay.
 * Data (agency, unit, person and procedure names) is not listed here: it is marked `lang="vi"`.
 */
export const ALLOWED_VIETNAMESE: readonly { text: string; why: string }[] = [
  { text: 'Tiếng Việt', why: 'the language switch names the language in that language' },
  { text: 'Tết', why: 'the Lunar New Year holiday: a proper name English uses as is' },
  { text: 'Cổng DVCQG', why: "the national portal's own name, beside its English description" },
];

/**
 * Each piece of visible text outside `[lang=vi]` that still holds a Vietnamese-only letter; `names`
 * are further proper names the caller knows (the deployment's province in the page title).
 */
export async function untranslatedText(page: Page, names: readonly string[] = []): Promise<string[]> {
  const pieces = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const html = el as HTMLElement;
      if (html.closest('[hidden], [aria-hidden=true]') && !html.closest('.visually-hidden')) return false;
      const style = getComputedStyle(html);
      return style.display !== 'none' && style.visibility !== 'hidden';
    };
    const inVietnamese = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') === 'vi';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      // <option> text counts even when the list is closed (it is what the select shows and reads).
      if (parent.tagName !== 'OPTION' && !visible(parent)) continue;
      if (!inVietnamese(parent)) found.push(text);
    }
    // What assistive technology reads and what a field shows before anything is typed.
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (inVietnamese(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
  return pieces.filter((text) => {
    let rest = text;
    for (const allowed of [...ALLOWED_VIETNAMESE.map((a) => a.text), ...names])
      rest = rest.split(allowed).join('');
    return hasVietnameseLetter(rest);
  });
}
