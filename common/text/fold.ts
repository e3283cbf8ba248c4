// Diacritics-insensitive matching for Vietnamese: "Phường Hàng Trống" and "phuong hang trong" fold
// to the same key. đ/Đ is a separate letter, not a combining mark, so NFD alone leaves it.
const COMBINING = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/** Words of a query, folded, for word-order-tolerant matching. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text)
    .split(' ')
    .filter((w) => w.length > 0);
}
