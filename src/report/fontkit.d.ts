/** The part of fontkit 2 the report uses directly (pdf-lib uses the rest through registerFontkit). */
declare module 'fontkit' {
  export interface FontkitFont {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(data: Uint8Array): FontkitFont;
}
