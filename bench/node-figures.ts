/**
 * The Node figures (run in a child process of scripts/bench.ts, so that no browser work shares its heap):
 * - the engine's summary computation (computeVisibility + overallProgress + sectionConformity of every section +
 *   listGaps) per size, every question answered;
 * - the 1,000-question PDF built by Conformo's buildReport and by pdfmake, same content, same answers
 *   (every question answered, a comment of ~700 characters each).
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeVisibility, listGaps, overallProgress, sectionConformity } from '../src/engine/progress';
import type { Questionnaire } from '../src/engine/types';
import { createNodeI18n } from '../src/i18n/node';
import { buildReport } from '../src/report/build-report';
import type { ReportOptions } from '../src/report/types';
import { answerMap, answersFor, COMMENT } from './answers';
import { buildPdfmakeReport } from './pdfmake-report';
import { generateQuestionnaire, SIZES } from './questionnaire';
import { median, round } from './stats';

export interface NodeFigures {
  summary: { size: number; ms: number; runs: number }[];
  pdf: {
    questions: number;
    commentChars: number;
    conformo: { ms: number[]; bytes: number; pages: number };
    pdfmake: { ms: number[]; bytes: number; pages: number };
  };
}

const RUNS = Number(process.env.PDF_RUNS ?? 3);

function summaryMs(questionnaire: Questionnaire): { ms: number; runs: number } {
  const answers = answerMap(answersFor(questionnaire));
  const once = () => {
    const visibility = computeVisibility(questionnaire, answers);
    const progress = overallProgress(questionnaire, answers, visibility);
    const scores = questionnaire.sections.map((s) => sectionConformity(s, answers, visibility).score);
    const gaps = listGaps(questionnaire, answers, visibility);
    return progress.answered + scores.length + gaps.length;
  };
  for (let i = 0; i < 5; i += 1) once();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 200 && performance.now() - started < 3000) {
    const t0 = performance.now();
    once();
    samples.push(performance.now() - t0);
  }
  return { ms: round(median(samples), 2), runs: samples.length };
}

/** Pages of a PDF, counted from its page objects (both writers emit one /Type /Page per page). */
function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  ).length;
}

async function pdfFigures(): Promise<NodeFigures['pdf']> {
  const questionnaire = generateQuestionnaire(1000);
  const answers = answerMap(answersFor(questionnaire));
  const i18n = await createNodeI18n('en');
  const t = i18n.getFixedT('en', 'report');
  const fontDir = join(import.meta.dirname, '../node_modules/dejavu-fonts-ttf/ttf');
  const options: ReportOptions = {
    language: 'en',
    generatedAt: new Date('2026-11-29T10:00:00Z'),
    fonts: {
      regular: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf'))),
      bold: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))),
    },
    t: (key, values) => t(key, values),
  };
  const input = {
    questionnaire,
    answers,
    assessment: {
      id: 'bench',
      title: 'Benchmark assessment',
      organisation: 'Banque du Kirchberg',
      aiSystem: 'Credit scoring',
      assessor: 'Benchmark',
      status: 'inProgress',
      created: '2026-11-29T10:00:00.000Z',
      updated: '2026-11-29T10:00:00.000Z',
    },
  };
  const time = async (build: () => Promise<Uint8Array>) => {
    const ms: number[] = [];
    let pdf: Uint8Array = new Uint8Array();
    for (let run = 0; run < RUNS; run += 1) {
      const t0 = performance.now();
      pdf = await build();
      ms.push(Math.round(performance.now() - t0));
    }
    return { ms, bytes: pdf.length, pages: pageCount(pdf) };
  };
  return {
    questions: 1000,
    commentChars: COMMENT.length,
    conformo: await time(() => buildReport(input, options)),
    pdfmake: await time(() => buildPdfmakeReport(input, options)),
  };
}

const figures: NodeFigures = {
  summary: SIZES.map((size) => ({ size, ...summaryMs(generateQuestionnaire(size)) })),
  pdf: await pdfFigures(),
};
console.log(JSON.stringify(figures));
