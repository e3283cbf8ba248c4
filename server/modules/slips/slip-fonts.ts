// Be Vietnam Pro (SIL Open Font License), from the TTF files of @expo-google-fonts/be-vietnam-pro: the
// TTFs carry every Vietnamese letter (the @fontsource builds split them into subsets and lose some).
// Each file is read and parsed once per process: pdfkit accepts a parsed fontkit font in place of the
// bytes, and parsing the four fonts was most of the time of a slip (≈40 ms of ≈60 ms). A parsed font
// holds only caches (glyphs, layout tables) that do not depend on the document; pdfkit makes a fresh
// subset per document and embeds only the glyphs that document uses.
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

/** A parsed font as pdfkit takes it (fontkit's Font; pdfkit tests for a `layout` method). */
export type ParsedFont = { layout: (text: string) => unknown; postscriptName: string };

let bytes: Record<FontStyle, Buffer> | undefined;
let parsed: Record<FontStyle, ParsedFont> | undefined;

const require = createRequire(import.meta.url);

function packageDir(): string {
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}

/** The four TTFs, read on first use and kept. */
export function slipFontFiles(): Readonly<Record<FontStyle, Buffer>> {
  if (!bytes) {
    const dir = packageDir();
    bytes = {
      regular: readFileSync(join(dir, FILES.regular)),
      bold: readFileSync(join(dir, FILES.bold)),
      italic: readFileSync(join(dir, FILES.italic)),
      'bold-italic': readFileSync(join(dir, FILES['bold-italic'])),
    };
  }
  return bytes;
}

/**
 * The four fonts parsed by the fontkit that pdfkit itself depends on (resolved from pdfkit's own
 * location, so it is always the version pdfkit was built against).
 */
export function slipFonts(): Readonly<Record<FontStyle, ParsedFont>> {
  if (!parsed) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
      create: (data: Uint8Array) => ParsedFont;
    };
    const files = slipFontFiles();
    parsed = {
      regular: fontkit.create(files.regular),
      bold: fontkit.create(files.bold),
      italic: fontkit.create(files.italic),
      'bold-italic': fontkit.create(files['bold-italic']),
    };
  }
  return parsed;
}
