import { type PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from '@cantoo/pdf-lib';
import { sanitize, wrap } from './text';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
export const COLORS = { ink: rgb(0.1, 0.12, 0.14), muted: rgb(0.35, 0.38, 0.43), brand: rgb(0.07, 0.24, 0.42) };

export type FontKey = 'regular' | 'bold';

export interface TextStyle {
  font?: FontKey;
  size?: number;
  color?: RGB;
  indent?: number;
  /** Space between lines, as a multiple of the size. */
  leading?: number;
}

export interface Block {
  text: string;
  style?: TextStyle;
  gapAfter?: number;
}

/**
 * Measures, wraps and places text on pages; knows nothing of reports. A line is never cut by a page break, and a
 * block kept together moves to a new page when it fits on one but not on what is left of the current one.
 */
export class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private cursor = 0;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontKey, PDFFont>,
    private readonly hasGlyph: (codePoint: number) => boolean,
  ) {}

  get contentWidth(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get currentPage(): PDFPage {
    return this.page;
  }

  get y(): number {
    return this.cursor;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.cursor = A4[1] - MARGIN.top;
    return this.page;
  }

  font(key: FontKey): PDFFont {
    return this.fonts[key];
  }

  /** Cached: measuring with an embedded font costs far more than a Map look-up, and reports repeat their words. */
  widthOf(text: string, font: FontKey, size: number): number {
    const key = `${font}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.fonts[font].widthOfTextAtSize(text, 1);
      this.widths.set(key, width);
    }
    return width * size;
  }

  clean(text: string): string {
    return sanitize(text, this.hasGlyph);
  }

  /** One line that fits `width`, shortened with an ellipsis when needed (chart labels). */
  fit(text: string, width: number, font: FontKey, size: number): string {
    const clean = this.clean(text).replace(/\s+/g, ' ');
    if (this.widthOf(clean, font, size) <= width) return clean;
    const chars = Array.from(clean);
    while (chars.length > 0 && this.widthOf(`${chars.join('')}…`, font, size) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  lines(text: string, style: TextStyle = {}): string[] {
    const { font = 'regular', size = 10, indent = 0 } = style;
    return wrap(this.clean(text), this.contentWidth - indent, (word) => this.widthOf(word, font, size));
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? 10) * (style.leading ?? 1.35);
  }

  heightOf(blocks: Block[]): number {
    return blocks.reduce(
      (sum, b) => sum + this.lines(b.text, b.style).length * this.lineHeight(b.style) + (b.gapAfter ?? 0),
      0,
    );
  }

  gap(height: number): void {
    this.cursor -= height;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.cursor - height < MARGIN.bottom) this.newPage();
  }

  write(text: string, style: TextStyle = {}, gapAfter = 0): void {
    const { font = 'regular', size = 10, color = COLORS.ink, indent = 0 } = style;
    const height = this.lineHeight(style);
    for (const line of this.lines(text, style)) {
      this.ensure(height);
      this.cursor -= height;
      if (line) {
        this.page.drawText(line, {
          x: MARGIN.left + indent,
          y: this.cursor + height - size,
          size,
          font: this.fonts[font],
          color,
        });
      }
    }
    this.cursor -= gapAfter;
  }

  /** A table row: each cell wraps within its column; the row moves to a new page whole. */
  row(cells: { text: string; x: number; width: number; style?: TextStyle }[], gapAfter = 4): void {
    const wrapped = cells.map((cell) => {
      const { font = 'regular', size = 10 } = cell.style ?? {};
      const lines = wrap(this.clean(cell.text), cell.width, (word) => this.widthOf(word, font, size));
      return { ...cell, lines, height: lines.length * this.lineHeight(cell.style) };
    });
    const height = Math.max(...wrapped.map((c) => c.height));
    this.ensure(height);
    for (const cell of wrapped) {
      const { font = 'regular', size = 10, color = COLORS.ink } = cell.style ?? {};
      cell.lines.forEach((line, i) => {
        const y = this.cursor - (i + 1) * this.lineHeight(cell.style) + this.lineHeight(cell.style) - size;
        if (line) this.page.drawText(line, { x: MARGIN.left + cell.x, y, size, font: this.fonts[font], color });
      });
    }
    this.cursor -= height + gapAfter;
  }

  /** Writes blocks on one page where they fit on one page; longer ones simply flow. */
  keepTogether(blocks: Block[]): void {
    const height = this.heightOf(blocks);
    const pageHeight = A4[1] - MARGIN.top - MARGIN.bottom;
    if (height <= pageHeight) this.ensure(height);
    for (const block of blocks) this.write(block.text, block.style, block.gapAfter);
  }
}
