import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { localize } from '../engine/localize';
import { toAssessmentFile } from './assessment-file';
import { reportFacts } from './facts';
import { A4, COLORS, Layout, MARGIN } from './layout';
import { addOutline, type Bookmark } from './outline';
import { annex, cover, gaps, headersAndFooters, type Part, sectionDetail, summary } from './parts';
import { simpleLayoutFontkit } from './simple-layout-fontkit';
import { ATTACHMENT_NAME, type ReportInput, type ReportOptions } from './types';

const PRODUCER = 'Conformo';
const TOC_LINE = 16;

/**
 * The evidence report: a pure function of the assessment, the questionnaire and the options. The same input and
 * `generatedAt` give byte-identical output. Loaded with import() only when a user exports.
 */
export async function buildReport(input: ReportInput, options: ReportOptions): Promise<Uint8Array> {
  const { t, language, generatedAt } = options;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(simpleLayoutFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const coverage = fontkit.create(options.fonts.regular);
  const fonts = {
    regular: await doc.embedFont(options.fonts.regular, { subset: true }),
    bold: await doc.embedFont(options.fonts.bold, { subset: true }),
  };
  const layout = new Layout(doc, fonts, (codePoint) => coverage.hasGlyphForCodePoint(codePoint));
  const facts = await reportFacts(input);
  const part: Part = { layout, input, options, facts };

  cover(part);

  const chapters: { title: string; write: () => void }[] = [
    { title: t('summary.title'), write: () => summary(part) },
    { title: t('gaps.title'), write: () => gaps(part) },
    ...input.questionnaire.sections.flatMap((section, index) =>
      facts.visibility.sections.has(section.id)
        ? [{ title: `${index + 1}. ${localize(section.title, language)}`, write: () => sectionDetail(part, index) }]
        : [],
    ),
    { title: t('annex.title'), write: () => annex(part) },
  ];

  // The table of contents comes first but needs page numbers: reserve its pages, fill them in at the end.
  const tocPerPage = Math.floor((A4[1] - MARGIN.top - MARGIN.bottom - 60) / TOC_LINE);
  const tocPages = Array.from({ length: Math.ceil(chapters.length / tocPerPage) }, () => layout.newPage());

  const bookmarks: Bookmark[] = [];
  const starts: number[] = [];
  for (const chapter of chapters) {
    layout.newPage();
    starts.push(layout.pageIndex);
    bookmarks.push({ title: layout.clean(chapter.title), page: layout.currentPage, top: layout.y });
    chapter.write();
  }

  tocPages.forEach((page, pageNumber) => {
    let y = A4[1] - MARGIN.top - 20;
    if (pageNumber === 0) {
      page.drawText(t('contents'), { x: MARGIN.left, y, size: 18, font: fonts.bold, color: COLORS.brand });
      y -= 40;
    }
    chapters.slice(pageNumber * tocPerPage, (pageNumber + 1) * tocPerPage).forEach((chapter, i) => {
      const index = pageNumber * tocPerPage + i;
      const number = String((starts[index] ?? 0) + 1);
      const numberWidth = layout.widthOf(number, 'regular', 10);
      const title = layout.lines(chapter.title, { size: 10, indent: 60 })[0] ?? '';
      page.drawText(title, { x: MARGIN.left, y, size: 10, font: fonts.regular, color: COLORS.ink });
      page.drawText(number, {
        x: A4[0] - MARGIN.right - numberWidth,
        y,
        size: 10,
        font: fonts.regular,
        color: COLORS.ink,
      });
      y -= TOC_LINE;
    });
  });

  headersAndFooters(part);
  addOutline(doc, bookmarks);

  const assessmentTitle = layout.clean(input.assessment.title);
  const title = `${t('title')} — ${assessmentTitle}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(layout.clean(input.assessment.assessor || input.assessment.organisation || PRODUCER));
  doc.setSubject(`${localize(input.questionnaire.title, language)} ${input.questionnaire.version}`);
  doc.setKeywords(['AI Act', 'Regulation (EU) 2024/1689', input.questionnaire.id, t('keywords')]);
  doc.setLanguage({ en: 'en-GB', fr: 'fr-FR', de: 'de-DE' }[language]);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);

  const file = toAssessmentFile(input, generatedAt);
  await doc.attach(new TextEncoder().encode(JSON.stringify(file, null, 2)), ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: t('attachmentDescription'),
    creationDate: generatedAt,
    modificationDate: generatedAt,
  });
  return doc.save();
}
