// A letter only Vietnamese writes among the languages of the interface: đ, or a Latin letter carrying
// a combining mark (breve, circumflex, horn or a tone mark: ă â ê ô ơ ư, à á ả ã ạ …). English text
// holds none; the test of the English dictionary and the English journey look for them.
export function hasVietnameseLetter(text: string): boolean {
  return /[đĐ]/.test(text) || /[A-Za-z][\u0300-\u036f]/.test(text.normalize('NFD'));
}
