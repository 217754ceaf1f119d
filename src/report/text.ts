/** Plain-text preparation for PDF drawing: what the font cannot show becomes a visible replacement. */

import { REPLACEMENT, revealHidden } from '../engine/hidden-characters';

export { REPLACEMENT };

export function sanitize(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of revealHidden(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))) {
    const codePoint = char.codePointAt(0) as number;
    out += char === '\n' || hasGlyph(codePoint) ? char : REPLACEMENT;
  }
  return out;
}

/** Width of a word (no blanks inside) at the current size; callers cache it, a line is the sum of its words. */
export type Measure = (word: string) => number;

/**
 * Breaks text into lines no wider than `width`. Words split on ASCII blanks only, never on the no-break spaces of
 * French typography; a word wider than a line is cut between characters.
 */
export function wrap(text: string, width: number, measure: Measure): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t\r]+/).filter((w) => w !== '')) {
      const wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = cutWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
      lineWidth = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

function cutWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of word) {
    const charWidth = measure(char);
    if (piece && pieceWidth + charWidth > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += charWidth;
  }
  pieces.push(piece);
  return pieces;
}
