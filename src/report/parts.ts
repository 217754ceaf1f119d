import { rgb } from '@cantoo/pdf-lib';
import { describeCondition } from '../engine/describe-condition';
import { describeAnswer, formatBytes, formatDate, formatDateTime, formatNumber, formatPercent } from '../engine/format';
import { localize } from '../engine/localize';
import { listContributors } from './contributors';
import type { ReportFacts } from './facts';
import { A4, COLORS, type Layout, MARGIN } from './layout';
import type { ReportInput, ReportOptions } from './types';

export interface Part {
  layout: Layout;
  input: ReportInput;
  options: ReportOptions;
  facts: ReportFacts;
}

const H1 = { font: 'bold', size: 18, color: COLORS.brand } as const;
const H2 = { font: 'bold', size: 13, color: COLORS.brand } as const;
const LABEL = { font: 'bold', size: 9, color: COLORS.muted } as const;
const SMALL = { size: 9, color: COLORS.muted } as const;

export function heading(layout: Layout, text: string): void {
  layout.ensure(60);
  layout.write(text, H1, 10);
}

/** A heading never ends a page: it moves on with the first lines of what it introduces. */
function subheading(layout: Layout, text: string): void {
  layout.ensure(70);
  layout.write(text, H2, 6);
}

export function cover({ layout, input, options, facts: _facts }: Part): void {
  const { t, language, generatedAt } = options;
  const { questionnaire, assessment } = input;
  layout.newPage();
  layout.gap(80);
  layout.write(t('title'), { font: 'bold', size: 26, color: COLORS.brand }, 12);
  layout.write(localize(questionnaire.title, language), { font: 'bold', size: 15 }, 4);
  layout.write(t('cover.version', { version: questionnaire.version }), SMALL, 36);
  const fields: [string, string][] = [
    [t('cover.assessment'), assessment.title],
    [t('cover.organisation'), assessment.organisation || '—'],
    [t('cover.aiSystem'), assessment.aiSystem || '—'],
    [t('cover.assessor'), assessment.assessor || '—'],
    [t('cover.status'), t(`status.${assessment.status}`)],
    ...((assessment.revision ?? 1) > 1 ? [[t('cover.revision'), String(assessment.revision)] as [string, string]] : []),
    [t('cover.date'), formatDate(generatedAt.toISOString(), language)],
    [t('cover.language'), t(`languageName.${language}`)],
  ];
  for (const [label, value] of fields) {
    layout.row([
      { text: label, x: 0, width: 150, style: LABEL },
      { text: value, x: 160, width: layout.contentWidth - 160, style: { size: 11 } },
    ]);
  }
  layout.gap(30);
  layout.write(t('cover.confidentialNote'), SMALL);
}

export function summary({ layout, input, options, facts }: Part): void {
  const { t, language } = options;
  heading(layout, t('summary.title'));
  if (input.answers.size === 0) layout.write(t('summary.empty'), { font: 'bold' }, 8);
  const { progress, conformity } = facts;
  layout.write(
    t('summary.progress', {
      answered: formatNumber(progress.answered, language),
      total: formatNumber(progress.total, language),
      percent: formatPercent(progress.total ? progress.answered / progress.total : 0, language),
    }),
    {},
    2,
  );
  layout.write(
    t('summary.conformity', {
      score: conformity.score === null ? t('summary.noScore') : formatPercent(conformity.score, language),
    }),
    {},
    2,
  );
  layout.write(t('summary.requiredMissing', { count: formatNumber(progress.requiredMissing, language) }), {}, 12);

  subheading(layout, t('summary.bySection'));
  const columns = { progress: layout.contentWidth - 170, score: layout.contentWidth - 70 };
  layout.row([
    { text: t('summary.section'), x: 0, width: columns.progress - 10, style: LABEL },
    { text: t('summary.answered'), x: columns.progress, width: 90, style: LABEL },
    { text: t('summary.score'), x: columns.score, width: 70, style: LABEL },
  ]);
  const visible = facts.sections.filter((s) => s.visible);
  for (const { section, progress: p, conformity: c } of visible) {
    layout.row([
      { text: localize(section.title, language), x: 0, width: columns.progress - 10 },
      {
        text: `${formatNumber(p.answered, language)} / ${formatNumber(p.total, language)}`,
        x: columns.progress,
        width: 90,
      },
      { text: c.score === null ? '—' : formatPercent(c.score, language), x: columns.score, width: 70 },
    ]);
  }
  layout.gap(10);
  barChart(layout, visible, options);
  outcomes({ layout, input, options, facts });
}

/** Conformity per section as vector bars: sharp at any zoom, and text stays selectable beside them. */
function barChart(layout: Layout, rows: ReportFacts['sections'], { t, language }: ReportOptions): void {
  const barHeight = 10;
  const labelWidth = 190;
  const barWidth = layout.contentWidth - labelWidth - 50;
  layout.ensure(30 + rows.length * (barHeight + 8));
  subheading(layout, t('summary.chart'));
  for (const { section, conformity } of rows) {
    const label = layout.fit(localize(section.title, language), labelWidth - 8, 'regular', 8);
    layout.ensure(barHeight + 8);
    const page = layout.currentPage;
    const y = layout.y - barHeight;
    page.drawText(label, {
      x: MARGIN.left,
      y: y + 2,
      size: 8,
      font: layout.font('regular'),
      color: COLORS.ink,
    });
    page.drawRectangle({
      x: MARGIN.left + labelWidth,
      y,
      width: barWidth,
      height: barHeight,
      color: rgb(0.92, 0.93, 0.95),
    });
    if (conformity.score !== null && conformity.score > 0) {
      page.drawRectangle({
        x: MARGIN.left + labelWidth,
        y,
        width: barWidth * conformity.score,
        height: barHeight,
        color:
          conformity.score >= 0.8
            ? rgb(0.11, 0.42, 0.21)
            : conformity.score >= 0.5
              ? rgb(0.7, 0.47, 0)
              : rgb(0.64, 0.09, 0.1),
      });
    }
    page.drawText(conformity.score === null ? '—' : formatPercent(conformity.score, language), {
      x: MARGIN.left + labelWidth + barWidth + 6,
      y: y + 2,
      size: 8,
      font: layout.font('regular'),
      color: COLORS.ink,
    });
    layout.gap(barHeight + 8);
  }
  layout.gap(10);
}

function outcomes({ layout, options, facts, input }: Part): void {
  const { t, language } = options;
  if (facts.outcomes.length === 0) return;
  subheading(layout, t('summary.outcomes'));
  for (const { outcome, because, details } of facts.outcomes) {
    layout.keepTogether([
      {
        text: `${t(`category.${outcome.category}`)} — ${localize(outcome.title, language)}`,
        style: { font: 'bold' },
        gapAfter: 2,
      },
      ...details.map((d) => ({ text: `• ${localize(d.label, language)}`, style: { indent: 12 } })),
      { text: localize(outcome.description, language), gapAfter: 2 },
    ]);
    for (const question of because) {
      const answer = describeAnswer(question, input.answers.get(question.id)?.value, language, (v) =>
        t(`conformity.${v}`),
      );
      layout.write(
        t('summary.because', {
          number: facts.numbers.get(question.id) ?? '',
          question: localize(question.text, language),
          answer: answer ?? '',
        }),
        { ...SMALL, indent: 12 },
      );
    }
    for (const date of outcome.applies ?? []) {
      const note = date.note ? ` ${localize(date.note, language)}` : '';
      layout.write(
        `${formatDate(date.date, language)} — ${localize(date.what, language)} (${date.source.source} ${date.source.ref})${note}`,
        { ...SMALL, indent: 12 },
      );
    }
    layout.gap(8);
  }
}

export function gaps({ layout, options, facts }: Part): void {
  const { t, language } = options;
  heading(layout, t('gaps.title'));
  if (facts.gaps.length === 0) layout.write(t('gaps.none'));
  for (const gap of facts.gaps) {
    layout.keepTogether([
      {
        text: `${facts.numbers.get(gap.question.id)} ${localize(gap.question.text, language)}`,
        style: { font: 'bold' },
        gapAfter: 2,
      },
      {
        text: t('field', { label: t('detail.answer'), value: t(`conformity.${gap.value}`) }),
        style: { indent: 12 },
        gapAfter: 2,
      },
      {
        text: t('field', { label: t('detail.comment'), value: gap.answer.comment?.trim() || t('gaps.noComment') }),
        style: { indent: 12 },
        gapAfter: 10,
      },
    ]);
  }
}

export function sectionDetail({ layout, input, options, facts }: Part, sectionIndex: number): void {
  const { t, language } = options;
  const section = input.questionnaire.sections[sectionIndex];
  if (!section) return;
  heading(layout, `${sectionIndex + 1}. ${localize(section.title, language)}`);
  if (section.description) layout.write(localize(section.description, language), SMALL, 8);
  for (const question of section.questions) {
    if (!facts.visibility.questions.has(question.id)) continue;
    const answer = input.answers.get(question.id);
    const value = describeAnswer(question, answer?.value, language, (v) => t(`conformity.${v}`));
    const head = [
      {
        text: `${facts.numbers.get(question.id)} ${localize(question.text, language)}`,
        style: { font: 'bold' as const },
        gapAfter: 3,
      },
      {
        text: t('field', { label: t('detail.answer'), value: value ?? t('detail.unanswered') }),
        style: { indent: 12 },
        gapAfter: 2,
      },
    ];
    // The question stays with its answer; long comments may flow onto the next page.
    layout.keepTogether(head);
    if (answer?.justification)
      layout.write(t('field', { label: t('detail.justification'), value: answer.justification }), { indent: 12 }, 2);
    if (answer?.comment)
      layout.write(t('field', { label: t('detail.comment'), value: answer.comment }), { indent: 12 }, 2);
    const references = [
      ...question.references.map((r) => `${r.source} ${r.ref}`),
      ...(question.crosswalk ?? []).map((c) => `${c.framework} ${c.id}`),
    ];
    layout.write(
      t('field', { label: t('detail.references'), value: references.join(' · ') }),
      { ...SMALL, indent: 12 },
      2,
    );
    if (question.evidence)
      layout.write(
        t('field', { label: t('detail.evidence'), value: localize(question.evidence, language) }),
        { ...SMALL, indent: 12 },
        2,
      );
    for (const file of input.evidence?.filter((e) => e.questionId === question.id) ?? []) {
      const value = `${file.name} (${formatBytes(file.size, language, { exact: true })}) SHA-256 ${file.sha256}`;
      layout.write(t('field', { label: t('detail.evidenceFile'), value }), { ...SMALL, indent: 12 }, 2);
    }
    layout.gap(8);
  }
}

function signOffBlock({ layout, input, options }: Part): void {
  const { t, language } = options;
  const { signOff } = input.assessment;
  subheading(layout, t('annex.signOff'));
  if (!signOff) {
    layout.write(t('annex.notSigned'), {}, 10);
    return;
  }
  const rows: [string, string][] = [
    [t('annex.signedBy'), `${signOff.name} — ${signOff.role}`],
    [t('annex.signedOn'), `${formatDate(signOff.date, language)} (${signOff.signedAt})`],
    [t('annex.statement'), signOff.statement],
    [t('annex.contentHash'), signOff.contentHash],
    ...(signOff.signature
      ? ([
          [t('annex.signature'), signOff.signature.value],
          [t('annex.publicKey'), signOff.signature.publicKey],
        ] as [string, string][])
      : ([[t('annex.signature'), t('annex.noSignature')]] as [string, string][])),
  ];
  for (const [label, value] of rows) {
    layout.row([
      { text: label, x: 0, width: 150, style: LABEL },
      { text: value, x: 160, width: layout.contentWidth - 160 },
    ]);
  }
  layout.gap(10);
}

/** A shared assessment's team: who answered (by the last change of each answer) and who validated. */
function contributorsBlock({ layout, input, options }: Part): void {
  const { t, language } = options;
  const contributors = listContributors(input);
  if (contributors.length === 0) return;
  subheading(layout, t('team.contributors'));
  layout.write(t('team.contributorsNote'), SMALL, 6);
  for (const { person, answers } of contributors) {
    layout.row([
      { text: person.name, x: 0, width: 250 },
      { text: t('team.answers', { count: answers, number: formatNumber(answers, language) }), x: 260, width: 150 },
    ]);
  }
  layout.gap(6);
  const { signOff } = input.assessment;
  layout.row([
    { text: t('team.validator'), x: 0, width: 150, style: LABEL },
    {
      text: signOff ? `${signOff.name} — ${signOff.role}` : t('team.notValidated'),
      x: 160,
      width: layout.contentWidth - 160,
    },
  ]);
  layout.gap(10);
}

export function annex(part: Part): void {
  const { layout, input, options, facts } = part;
  const { t, language, generatedAt } = options;
  heading(layout, t('annex.title'));
  const rows: [string, string][] = [
    [t('annex.questionnaire'), `${input.questionnaire.id} ${input.questionnaire.version}`],
    [t('annex.reviewed'), input.questionnaire.reviewed ? formatDate(input.questionnaire.reviewed, language) : '—'],
    [t('annex.generated'), `${formatDateTime(generatedAt.toISOString(), language)} (${generatedAt.toISOString()})`],
    [t('annex.hash'), facts.answersHash],
    [t('annex.attachment'), t('annex.attachmentNote')],
  ];
  for (const [label, value] of rows) {
    layout.row([
      { text: label, x: 0, width: 150, style: LABEL },
      { text: value, x: 160, width: layout.contentWidth - 160 },
    ]);
  }
  layout.gap(10);
  signOffBlock(part);
  contributorsBlock(part);
  subheading(layout, t('annex.hidden'));
  let hidden = 0;
  const describe = (c: Parameters<typeof describeCondition>[0]) =>
    describeCondition(c, {
      questions: facts.questions,
      name: (id) => facts.numbers.get(id) ?? id,
      language,
      t,
    });
  input.questionnaire.sections.forEach((section, si) => {
    if (!facts.visibility.sections.has(section.id) && section.visibleIf) {
      hidden += 1;
      layout.write(
        t('annex.hiddenSection', {
          number: si + 1,
          section: localize(section.title, language),
          condition: describe(section.visibleIf),
        }),
        { size: 9 },
        3,
      );
      return;
    }
    for (const question of section.questions) {
      if (facts.visibility.questions.has(question.id) || !question.visibleIf) continue;
      hidden += 1;
      layout.write(
        t('annex.hiddenQuestion', {
          number: facts.numbers.get(question.id) ?? '',
          question: localize(question.text, language),
          condition: describe(question.visibleIf),
        }),
        { size: 9 },
        3,
      );
    }
  });
  if (hidden === 0) layout.write(t('annex.noneHidden'));
}

/** Running header and footer, drawn once every page exists so that "page X of Y" is known. */
export function headersAndFooters({ layout, input, options }: Part): void {
  const { t } = options;
  const total = layout.pages.length;
  const font = layout.font('regular');
  const title = layout.lines(input.assessment.title, { size: 8 })[0] ?? '';
  const mark = t('confidential');
  layout.pages.forEach((page, i) => {
    page.drawText(title, { x: MARGIN.left, y: A4[1] - 40, size: 8, font, color: COLORS.muted });
    page.drawText(mark, {
      x: A4[0] - MARGIN.right - layout.widthOf(mark, 'bold', 8),
      y: A4[1] - 40,
      size: 8,
      font: layout.font('bold'),
      color: rgb(0.64, 0.09, 0.1),
    });
    page.drawLine({
      start: { x: MARGIN.left, y: A4[1] - 46 },
      end: { x: A4[0] - MARGIN.right, y: A4[1] - 46 },
      thickness: 0.5,
      color: COLORS.muted,
    });
    const footer = t('pageOf', { page: i + 1, pages: total });
    page.drawText(footer, {
      x: A4[0] - MARGIN.right - layout.widthOf(footer, 'regular', 8),
      y: 36,
      size: 8,
      font,
      color: COLORS.muted,
    });
    page.drawText('Conformo', { x: MARGIN.left, y: 36, size: 8, font, color: COLORS.muted });
  });
}
