/**
 * TTF font files for generated documents (PDF letters, evaluation forms).
 *
 * Vietnamese needs full glyph coverage (ư, ơ, đ, stacked tone marks), which PDFKit's built-in
 * Helvetica/Times do not have; the Noto TTFs from the @expo-google-fonts packages do. We resolve
 * the files through Node's resolver rather than a hard-coded node_modules path so hoisting and
 * workspaces keep working, and we always take the .ttf (PDFKit cannot embed woff).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontFamily = 'NotoSerif' | 'NotoSans';
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const packages: Record<FontFamily, string> = {
  NotoSerif: '@expo-google-fonts/noto-serif',
  NotoSans: '@expo-google-fonts/noto-sans',
};

// The packages lay files out as <weight><Style>/<Family>_<weight><Style>.ttf.
const variants: Record<FontStyle, string> = {
  regular: '400Regular',
  bold: '700Bold',
  italic: '400Regular_Italic',
  boldItalic: '700Bold_Italic',
};

export const fontStyles: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Absolute path of one TTF file; throws (from the resolver) when the package is missing. */
export function fontPath(family: FontFamily, style: FontStyle): string {
  const variant = variants[style];
  return require.resolve(`${packages[family]}/${variant}/${family}_${variant}.ttf`);
}

/** All four styles of a family, keyed by style. */
export function fontFamilyPaths(family: FontFamily): Record<FontStyle, string> {
  return {
    regular: fontPath(family, 'regular'),
    bold: fontPath(family, 'bold'),
    italic: fontPath(family, 'italic'),
    boldItalic: fontPath(family, 'boldItalic'),
  };
}
