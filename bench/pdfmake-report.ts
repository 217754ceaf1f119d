/**
 * The content of Conformo's report, built with pdfmake (Node) for the side-by-side benchmark: cover, table of
 * contents, executive summary with the table of sections, gaps, every visible question with its answer,
 * justification, comment, references and expected evidence, an annex, headers and footers, and the assessment JSON
 * attached. Same fonts (DejaVu Sans, subset), same facts (the engine), same strings (locales/<lang>/report.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describeAnswer, formatDate, formatNumber, formatPercent } from '../src/engine/format';
import { localize } from '../src/engine/localize';
import { questionNumbers } from '../src/engine/numbering';
import {
  computeVisibility,
  listGaps,
  overallConformity,
  overallProgress,
  sectionConformity,
  sectionProgress,
} from '../src/engine/progress';
import { toAssessmentFile } from '../src/report/assessment-file';
import type { ReportInput, ReportOptions } from '../src/report/types';

/** The part of pdfmake 0.3's Node API used here (the package ships no types). */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer | Uint8Array): void };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
const fontDir = join(import.meta.dirname, '../node_modules/dejavu-fonts-ttf/ttf');
pdfmake.virtualfs.writeFileSync('DejaVuSans.ttf', readFileSync(join(fontDir, 'DejaVuSans.ttf')));
pdfmake.virtualfs.writeFileSync('DejaVuSans-Bold.ttf', readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')));
pdfmake.virtualfs.writeFileSync('DejaVuSans-Oblique.ttf', readFileSync(join(fontDir, 'DejaVuSans-Oblique.ttf')));
pdfmake.setFonts({
  DejaVu: {
    normal: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italics: 'DejaVuSans-Oblique.ttf',
    bolditalics: 'DejaVuSans-Bold.ttf',
  },
});
// Nothing from the network or the disk: fonts and attachment come from pdfmake's virtual file system.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

const BRAND = '#123d6a';
const MUTED = '#5a6472';

export async function buildPdfmakeReport(input: ReportInput, options: ReportOptions): Promise<Uint8Array> {
  const { t, language, generatedAt } = options;
  const { questionnaire, assessment, answers } = input;
  const visibility = computeVisibility(questionnaire, answers);
  const numbers = questionNumbers(questionnaire);
  const progress = overallProgress(questionnaire, answers, visibility);
  const conformity = overallConformity(questionnaire, answers, visibility);
  const gaps = listGaps(questionnaire, answers, visibility);
  const score = (value: number | null) => (value === null ? t('summary.noScore') : formatPercent(value, language));
  const field = (label: string, value: string) => t('field', { label, value });
  const heading = (text: string) => ({ text, style: 'h1', tocItem: true, pageBreak: 'before' });

  const cover = [
    { text: t('title'), style: 'title', margin: [0, 120, 0, 12] },
    { text: localize(questionnaire.title, language), fontSize: 14, margin: [0, 0, 0, 4] },
    { text: t('cover.version', { version: questionnaire.version }), fontSize: 9, color: MUTED, margin: [0, 0, 0, 36] },
    {
      table: {
        widths: [140, '*'],
        body: [
          [t('cover.assessment'), assessment.title],
          [t('cover.organisation'), assessment.organisation || '—'],
          [t('cover.aiSystem'), assessment.aiSystem || '—'],
          [t('cover.assessor'), assessment.assessor || '—'],
          [t('cover.status'), t(`status.${assessment.status}`)],
          [t('cover.date'), formatDate(generatedAt.toISOString(), language)],
          [t('cover.language'), t(`languageName.${language}`)],
        ].map(([label, value]) => [{ text: label, bold: true }, value]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 24],
    },
    { text: t('cover.confidentialNote'), fontSize: 9, color: MUTED },
  ];

  const summary = [
    heading(t('summary.title')),
    {
      text: t('summary.progress', {
        answered: formatNumber(progress.answered, language),
        total: formatNumber(progress.total, language),
        percent: formatPercent(progress.total === 0 ? 0 : progress.answered / progress.total, language),
      }),
      margin: [0, 0, 0, 4],
    },
    { text: t('summary.conformity', { score: score(conformity.score) }), margin: [0, 0, 0, 4] },
    {
      text: t('summary.requiredMissing', { count: formatNumber(progress.requiredMissing, language) }),
      margin: [0, 0, 0, 12],
    },
    { text: t('summary.bySection'), style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 90, 70],
        body: [
          [t('summary.section'), t('summary.answered'), t('summary.score')].map((text) => ({ text, bold: true })),
          ...questionnaire.sections
            .filter((s) => visibility.sections.has(s.id))
            .map((section, index) => {
              const p = sectionProgress(section, answers, visibility);
              return [
                `${index + 1}. ${localize(section.title, language)}`,
                `${formatNumber(p.answered, language)} / ${formatNumber(p.total, language)}`,
                score(sectionConformity(section, answers, visibility).score),
              ];
            }),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];

  const gapList = [
    heading(t('gaps.title')),
    ...(gaps.length === 0 ? [{ text: t('gaps.none') }] : []),
    ...gaps.map((gap) => ({
      stack: [
        { text: `${numbers.get(gap.question.id)} ${localize(gap.question.text, language)}`, bold: true },
        { text: field(t('detail.answer'), t(`conformity.${gap.value}`)), margin: [12, 2, 0, 0] },
        {
          text: field(t('detail.comment'), gap.answer.comment?.trim() || t('gaps.noComment')),
          margin: [12, 2, 0, 10],
        },
      ],
      unbreakable: true,
    })),
  ];

  const sections = questionnaire.sections.flatMap((section, index) => {
    if (!visibility.sections.has(section.id)) return [];
    return [
      heading(`${index + 1}. ${localize(section.title, language)}`),
      ...(section.description
        ? [{ text: localize(section.description, language), fontSize: 9, color: MUTED, margin: [0, 0, 0, 8] }]
        : []),
      ...section.questions.flatMap((question) => {
        if (!visibility.questions.has(question.id)) return [];
        const answer = answers.get(question.id);
        const value = describeAnswer(question, answer?.value, language, (v) => t(`conformity.${v}`));
        const references = [
          ...question.references.map((r) => `${r.source} ${r.ref}`),
          ...(question.crosswalk ?? []).map((c) => `${c.framework} ${c.id}`),
        ];
        return [
          {
            stack: [
              { text: `${numbers.get(question.id)} ${localize(question.text, language)}`, bold: true },
              { text: field(t('detail.answer'), value ?? t('detail.unanswered')), margin: [12, 3, 0, 2] },
            ],
            unbreakable: true,
          },
          ...(answer?.justification
            ? [{ text: field(t('detail.justification'), answer.justification), margin: [12, 0, 0, 2] }]
            : []),
          ...(answer?.comment ? [{ text: field(t('detail.comment'), answer.comment), margin: [12, 0, 0, 2] }] : []),
          { text: field(t('detail.references'), references.join(' · ')), fontSize: 9, margin: [12, 0, 0, 2] },
          ...(question.evidence
            ? [
                {
                  text: field(t('detail.evidence'), localize(question.evidence, language)),
                  fontSize: 9,
                  margin: [12, 0, 0, 8],
                },
              ]
            : [{ text: '', margin: [0, 0, 0, 6] }]),
        ];
      }),
    ];
  });

  const annex = [
    heading(t('annex.title')),
    {
      table: {
        widths: [160, '*'],
        body: [
          [t('annex.questionnaire'), `${questionnaire.id} ${questionnaire.version}`],
          [t('annex.generated'), generatedAt.toISOString()],
          [t('annex.attachment'), t('annex.attachmentNote')],
        ].map(([label, value]) => [{ text: label, bold: true }, value]),
      },
      layout: 'noBorders',
    },
  ];

  const file = toAssessmentFile(input, generatedAt);
  pdfmake.virtualfs.writeFileSync('assessment.json', Buffer.from(JSON.stringify(file, null, 2)));
  const title = `${t('title')} — ${assessment.title}`;
  const definition = {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    info: {
      title,
      author: assessment.assessor || assessment.organisation || 'Conformo',
      subject: `${localize(questionnaire.title, language)} ${questionnaire.version}`,
      keywords: `AI Act, Regulation (EU) 2024/1689, ${questionnaire.id}`,
      creator: 'Conformo',
      producer: 'Conformo',
      creationDate: generatedAt,
      modDate: generatedAt,
    },
    language: { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' }[language],
    defaultStyle: { font: 'DejaVu', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 26, bold: true, color: BRAND },
      h1: { fontSize: 16, bold: true, color: BRAND, margin: [0, 0, 0, 12] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 6] },
    },
    header: (page: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: title, fontSize: 8, color: MUTED },
              { text: t('confidential'), fontSize: 8, bold: true, alignment: 'right' },
            ],
            margin: [56, 32, 56, 0],
          },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: 'Conformo', fontSize: 8, color: MUTED },
        { text: t('pageOf', { page, pages }), fontSize: 8, color: MUTED, alignment: 'right' },
      ],
      margin: [56, 24, 56, 0],
    }),
    content: [
      ...cover,
      { toc: { title: { text: t('contents'), style: 'h1' } }, pageBreak: 'before' },
      ...summary,
      ...gapList,
      ...sections,
      ...annex,
    ],
    files: {
      'assessment.json': {
        src: 'assessment.json',
        name: 'assessment.json',
        type: 'application/json',
        description: t('attachmentDescription'),
        creationDate: generatedAt,
        modifiedDate: generatedAt,
      },
    },
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}
