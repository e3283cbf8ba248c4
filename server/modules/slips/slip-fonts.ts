// Be Vietnam Pro (SIL Open Font License), from the TTF files of @expo-google-fonts/be-vietnam-pro: the
// TTFs carry every Vietnamese letter (the @fontsource builds split them into subsets and lose some).
// Each file is read once per process; pdfkit embeds only the glyphs a slip uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_STYLES = ['regular', 'bold', 'italic', 'bold-italic'] as const;
export type FontStyle = (typeof FONT_STYLES)[number];

const FILES: Readonly<Record<FontStyle, string>> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  'bold-italic': '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
};

let cache: Record<FontStyle, Buffer> | undefined;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}

/** The four TTFs, read on first use and kept. */
export function slipFonts(): Readonly<Record<FontStyle, Buffer>> {
  if (!cache) {
    const dir = packageDir();
    cache = {
      regular: readFileSync(join(dir, FILES.regular)),
      bold: readFileSync(join(dir, FILES.bold)),
      italic: readFileSync(join(dir, FILES.italic)),
      'bold-italic': readFileSync(join(dir, FILES['bold-italic'])),
    };
  }
  return cache;
}
