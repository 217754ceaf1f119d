import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { ATTACHMENT_NAME } from '../engine/assessment-file';
import { localize } from '../engine/localize';
import { toAssessmentFile } from './assessment-file';
import { drawContents, planContents } from './contents';
import { reportFacts } from './facts';
import { Layout } from './layout';
import { addOutline, type Bookmark } from './outline';
import { annex, cover, gaps, headersAndFooters, type Part, sectionDetail, summary } from './parts';
import { simpleLayoutFontkit } from './simple-layout-fontkit';
import type { ReportInput, ReportOptions } from './types';

const PRODUCER = 'Conformo';

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

  // The table of contents comes first but needs page numbers: plan and reserve its pages, fill them in at the end.
  const contents = planContents(
    layout,
    chapters.map((c) => c.title),
  );
  const contentsPages = contents.map(() => layout.newPage());

  const bookmarks: Bookmark[] = [];
  const starts: number[] = [];
  for (const chapter of chapters) {
    layout.newPage();
    starts.push(layout.pageIndex + 1);
    bookmarks.push({ title: layout.clean(chapter.title), page: layout.currentPage, top: layout.y });
    chapter.write();
  }
  drawContents(layout, contentsPages, contents, starts, t('contents'));

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
