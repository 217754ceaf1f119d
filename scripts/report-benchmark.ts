/**
 * npm run bench:report — time and size of the PDF report for a 1,000-question assessment with long comments.
 * Runs the same buildReport as the browser, in Node, on this machine. Prints one JSON line per run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Answer, Questionnaire } from '../src/engine/types';
import { createNodeI18n } from '../src/i18n/node';
import { buildReport } from '../src/report/build-report';

const QUESTIONS = Number(process.env.QUESTIONS ?? 1000);
const PER_SECTION = 50;
const RUNS = Number(process.env.RUNS ?? 3);
const text = (en: string) => ({ en, fr: `${en} (fr)`, de: `${en} (de)` });

function questionnaire(): Questionnaire {
  const sections = Array.from({ length: Math.ceil(QUESTIONS / PER_SECTION) }, (_, s) => ({
    id: `s${s + 1}`,
    title: text(`Section ${s + 1}: requirements of Chapter III, Section 2`),
    questions: Array.from({ length: PER_SECTION }, (_, q) => ({
      id: `s${s + 1}-q${q + 1}`,
      type: 'conformity' as const,
      text: text(
        `Does the provider keep the technical documentation required for point ${q + 1} up to date, reviewed and approved?`,
      ),
      references: [{ source: 'AI Act', ref: `Art. ${9 + (q % 7)}(1)` }],
      evidence: text('Dated, signed records; the register of changes; minutes of the last review.'),
    })),
  }));
  return { id: 'bench', version: '1.0.0', title: text('Benchmark'), description: text('Generated'), sections };
}

const COMMENT =
  'Evidence reviewed on site with the product owner; the risk register lists the residual risks, each with an owner ' +
  'and a due date. Open action: complete the data-governance record for the 2026 retraining, due end of Q1 — « à suivre » ≥ 95 %. ';

function answersFor(q: Questionnaire): Map<string, Answer> {
  const values = ['conform', 'partial', 'nonConform', 'notApplicable'];
  return new Map(
    q.sections
      .flatMap((s) => s.questions)
      .map((question, i) => [
        question.id,
        {
          questionId: question.id,
          value: values[i % 4],
          justification: i % 4 === 3 ? 'Not relevant: no training data.' : undefined,
          comment: COMMENT.repeat(3),
          updated: '2026-11-29T10:00:00.000Z',
        },
      ]),
  );
}

const fonts = {
  regular: new Uint8Array(readFileSync(join('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
  bold: new Uint8Array(readFileSync(join('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
};
const i18n = await createNodeI18n('en');
const t = i18n.getFixedT('en', 'report');
const q = questionnaire();
const answers = answersFor(q);
const assessment = {
  id: 'bench',
  title: 'Benchmark assessment',
  organisation: 'Conformo',
  aiSystem: 'Generated',
  assessor: 'Benchmark',
  status: 'inProgress',
  created: '2026-11-29T10:00:00.000Z',
  updated: '2026-11-29T10:00:00.000Z',
};
for (let run = 1; run <= RUNS; run += 1) {
  const started = performance.now();
  const pdf = await buildReport(
    { questionnaire: q, assessment, answers },
    { language: 'en', generatedAt: new Date('2026-11-29T10:00:00Z'), fonts, t: (key, values) => t(key, values) },
  );
  const ms = Math.round(performance.now() - started);
  console.log(
    JSON.stringify({
      run,
      questions: QUESTIONS,
      commentChars: COMMENT.length * 3,
      ms,
      bytes: pdf.length,
      mb: +(pdf.length / 1048576).toFixed(2),
    }),
  );
}
