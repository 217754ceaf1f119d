import { LineCapStyle, type PDFPage } from '@cantoo/pdf-lib';
import { A4, COLORS, type Layout, MARGIN } from './layout';

const SIZE = 10;
const LINE = 13;
const ENTRY_GAP = 4;
const HEADING_SPACE = 40;
/** Room kept right of every title for its page number ("999") and the leader before it. */
const NUMBER_COLUMN = 40;
const TOP = A4[1] - MARGIN.top - 20;

/** One entry of the contents, wrapped to the width left of the page numbers. */
export interface ContentsEntry {
  lines: string[];
  /** Where the lines after the first start: under the title, right of its number ("12. "). */
  hang: number;
}

function wrapEntry(layout: Layout, title: string): ContentsEntry {
  const number = /^\d+\.\s/.exec(title)?.[0] ?? '';
  const hang = layout.widthOf(number, 'regular', SIZE);
  const lines = layout.lines(title.slice(number.length), { size: SIZE, indent: NUMBER_COLUMN + hang });
  lines[0] = `${number}${lines[0] ?? ''}`;
  return { lines, hang };
}

/**
 * Lays the entries out on as many pages as they need, before any page number is known (the pages are reserved
 * ahead of the chapters, so their count must not depend on the numbers): a long title wraps, never is it cut.
 */
export function planContents(layout: Layout, titles: readonly string[]): ContentsEntry[][] {
  const pages: ContentsEntry[][] = [[]];
  let room = TOP - HEADING_SPACE - MARGIN.bottom;
  for (const title of titles) {
    const entry = wrapEntry(layout, title);
    const height = entry.lines.length * LINE + ENTRY_GAP;
    if (height > room && (pages.at(-1)?.length ?? 0) > 0) {
      pages.push([]);
      room = TOP - MARGIN.bottom;
    }
    pages.at(-1)?.push(entry);
    room -= height;
  }
  return pages;
}

/**
 * Draws the planned entries, each page number right-aligned on the entry's last line, after a dotted leader: the
 * eye finds the number of a wrapped title where the title ends.
 */
export function drawContents(
  layout: Layout,
  pages: readonly PDFPage[],
  plan: readonly ContentsEntry[][],
  pageNumbers: readonly number[],
  heading: string,
): void {
  const regular = layout.font('regular');
  const right = A4[0] - MARGIN.right;
  let index = 0;
  plan.forEach((entries, pageIndex) => {
    const page = pages[pageIndex];
    if (!page) return;
    let y = TOP;
    if (pageIndex === 0) {
      page.drawText(heading, { x: MARGIN.left, y, size: 18, font: layout.font('bold'), color: COLORS.brand });
      y -= HEADING_SPACE;
    }
    for (const { lines, hang } of entries) {
      lines.forEach((line, i) => {
        const x = MARGIN.left + (i === 0 ? 0 : hang);
        page.drawText(line, { x, y: y - i * LINE, size: SIZE, font: regular, color: COLORS.ink });
      });
      const lastY = y - (lines.length - 1) * LINE;
      const number = String(pageNumbers[index] ?? '');
      const numberWidth = layout.widthOf(number, 'regular', SIZE);
      const lastX = MARGIN.left + (lines.length > 1 ? hang : 0);
      const leaderStart = lastX + layout.widthOf(lines.at(-1) ?? '', 'regular', SIZE) + 4;
      const leaderEnd = right - numberWidth - 4;
      if (leaderEnd - leaderStart > 8) {
        page.drawLine({
          start: { x: leaderStart, y: lastY + 1 },
          end: { x: leaderEnd, y: lastY + 1 },
          thickness: 0.8,
          color: COLORS.muted,
          dashArray: [0.1, 3],
          lineCap: LineCapStyle.Round,
        });
      }
      page.drawText(number, { x: right - numberWidth, y: lastY, size: SIZE, font: regular, color: COLORS.ink });
      y -= lines.length * LINE + ENTRY_GAP;
      index += 1;
    }
  });
}
