/**
 * Characters that hide or reorder text: controls, zero-width characters and marks (U+200B-U+200F), bidi embeddings,
 * overrides and isolates, word joiners and the byte-order mark. In a file name or a title they make `cod.exe` with an
 * override look like `exe.doc`; wherever such text is shown, each of them becomes a visible replacement character.
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export const REPLACEMENT = '\uFFFD';

export function revealHidden(text: string): string {
  return text.replace(HIDDEN, REPLACEMENT);
}
