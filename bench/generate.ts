/**
 * Writes the generated questionnaires (bench/generated/bench-<size>.json), their SurveyJS conversions and the
 * SurveyJS data of the seeded answers (bench/generated/surveyjs/), and checks that both engines agree on which
 * questions the seeded answers show.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { computeVisibility } from '../src/engine/progress';
import { answerMap, answersFor } from './answers';
import { fileName, generateQuestionnaire, SIZES } from './questionnaire';
import { toSurveyData, toSurveyJs } from './to-surveyjs';

export const GENERATED = join(import.meta.dirname, 'generated');
export const SURVEYJS_GENERATED = join(GENERATED, 'surveyjs');

export interface GeneratedFile {
  size: number;
  path: string;
  bytes: number;
  questions: number;
  sections: number;
  conditional: number;
}

export function generateAll(): GeneratedFile[] {
  rmSync(GENERATED, { recursive: true, force: true });
  mkdirSync(SURVEYJS_GENERATED, { recursive: true });
  return SIZES.map((size) => {
    const questionnaire = generateQuestionnaire(size);
    const json = `${JSON.stringify({ $schema: '../../questionnaires/schema/questionnaire.schema.json', ...questionnaire }, null, 2)}\n`;
    const path = join(GENERATED, fileName(size));
    writeFileSync(path, json);
    const survey = toSurveyJs(questionnaire);
    writeFileSync(join(SURVEYJS_GENERATED, fileName(size)), JSON.stringify(survey));
    // The latency samples answer the first section: the seed leaves it empty.
    const seeded = answersFor(questionnaire, { skipSections: [0] });
    writeFileSync(join(SURVEYJS_GENERATED, `bench-${size}.data.json`), JSON.stringify(toSurveyData(seeded)));
    if (size <= 1000) checkSameVisibility(size, survey);
    const questions = questionnaire.sections.flatMap((s) => s.questions);
    return {
      size,
      path,
      bytes: Buffer.byteLength(json),
      questions: questions.length,
      sections: questionnaire.sections.length,
      conditional: questions.filter((q) => q.visibleIf).length,
    };
  });
}

/** The conversion is only fair if SurveyJS shows the same questions as Conformo for the same answers. */
function checkSameVisibility(size: number, survey: Record<string, unknown>): void {
  const questionnaire = generateQuestionnaire(size);
  const answers = answersFor(questionnaire, { skipSections: [0] });
  const ours = computeVisibility(questionnaire, answerMap(answers)).questions;
  const model = new Model(survey);
  model.data = toSurveyData(answers);
  const theirs = new Set(model.getAllQuestions(true).map((q) => q.name));
  const differ = [...new Set([...ours, ...theirs])].filter((id) => ours.has(id) !== theirs.has(id));
  if (differ.length > 0) throw new Error(`SurveyJS and Conformo disagree on the visibility of ${differ.join(', ')}`);
}

if (process.argv[1] === import.meta.filename) {
  for (const file of generateAll()) console.log(JSON.stringify(file));
}
