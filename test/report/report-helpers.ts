import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer, Language, Questionnaire } from '../../src/engine/types';
import { createNodeI18n } from '../../src/i18n/node';
import { buildReport } from '../../src/report/build-report';
import type { ReportAssessment } from '../../src/report/types';
import { ROOT } from '../helpers';

const FONT_DIR = join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf');
export const FONTS = {
  regular: new Uint8Array(readFileSync(join(FONT_DIR, 'DejaVuSans.ttf'))),
  bold: new Uint8Array(readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf'))),
};

export const ASSESSMENT: ReportAssessment = {
  id: '5f0c9c1e-2a7b-4c55-9d59-0d7c3e0f8a11',
  title: 'Triage assistant — annual review',
  organisation: 'Hôpital du Kirchberg',
  aiSystem: 'Triage assistant v3',
  assessor: 'Anne Müller',
  status: 'inProgress',
  created: '2026-11-01T09:00:00.000Z',
  updated: '2026-11-20T17:30:00.000Z',
};

export const GENERATED_AT = new Date('2026-11-29T10:00:00.000Z');

export async function report(
  questionnaire: Questionnaire,
  answers: Map<string, Answer>,
  language: Language = 'en',
  assessment: ReportAssessment = ASSESSMENT,
) {
  const i18n = await createNodeI18n(language);
  const t = i18n.getFixedT(language, 'report');
  return buildReport(
    { questionnaire, assessment, answers },
    { language, generatedAt: GENERATED_AT, t: (key, values) => t(key, values), fonts: FONTS },
  );
}

/** Writes the PDF and reads it back with poppler and qpdf, as an auditor's tools would. */
export function readBack(pdf: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'conformo-report-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    file,
    text: () => run('pdftotext', ['-raw', file, '-']),
    pageText: (page: number) => run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-']),
    info: () => run('pdfinfo', [file]),
    check: () => run('qpdf', ['--check', file]),
    attachment: () => run('qpdf', [`--show-attachment=assessment.json`, file]),
    json: () => JSON.parse(run('qpdf', ['--json', file])),
    qdf: () => {
      run('qpdf', ['--qdf', '--object-streams=disable', file, join(dir, 'qdf.pdf')]);
      return readFileSync(join(dir, 'qdf.pdf'), 'latin1');
    },
  };
}
