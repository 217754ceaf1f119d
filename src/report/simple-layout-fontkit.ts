import * as fontkit from 'fontkit';

interface Glyph {
  id: number;
  advanceWidth: number;
}
interface Font {
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: string, features?: unknown): { glyphs: Glyph[] };
}

/**
 * fontkit with a one-glyph-per-character layout. pdf-lib shapes every string it measures or draws with fontkit's
 * full OpenType engine, which was 40 % of export time (profiled). The report's languages (Latin script, plus Greek
 * and Cyrillic in names) need no shaping; without kerning and ligatures the text is the same characters, a little
 * less tight, and the export is much faster. Glyphs are cached per code point.
 */
export const simpleLayoutFontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    const font = (fontkit.create as (d: Uint8Array, n?: string) => unknown)(data, postscriptName) as Font;
    const glyphs = new Map<number, Glyph>();
    const glyphOf = (codePoint: number) => {
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      return glyph;
    };
    font.layout = (text: string) => ({
      glyphs: Array.from(text, (char) => glyphOf(char.codePointAt(0) as number)),
    });
    return font;
  },
};
