/**
 * npm run validate -- FILE... [--lang=fr]
 * Checks questionnaires with the same engine code as the app. One line per error, exit 1 when any file fails.
 */
import { readFileSync } from 'node:fs';
import { loadQuestionnaire } from '../src/engine/load';
import { toLanguage } from '../src/engine/localize';
import { createNodeI18n } from '../src/i18n/node';
import { describeValidationError } from '../src/i18n/validation-messages';
import { parseWithLocations } from './json-locations';

const args = process.argv.slice(2);
const language = toLanguage(
  args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ?? process.env.LC_ALL ?? process.env.LANG,
);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE.json [FILE.json ...] [--lang=en|fr|de]');
  process.exit(2);
}

const i18n = await createNodeI18n(language);
let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`${file}: ${(error as Error).message}`);
    failed += 1;
    continue;
  }
  const parsed = parseWithLocations(text);
  if (!parsed.ok) {
    const message = i18n.t('validation:notJson', { detail: parsed.message });
    console.log(`${file}:${parsed.position.line}:${parsed.position.column}: ${message}`);
    failed += 1;
    continue;
  }
  const result = loadQuestionnaire(parsed.data);
  if (result.ok) {
    const count = result.questionnaire.sections.reduce((n, s) => n + s.questions.length, 0);
    console.log(`${file}: ok (${result.questionnaire.id} ${result.questionnaire.version}, ${count} questions)`);
    continue;
  }
  failed += 1;
  for (const error of result.errors) {
    const { line, column } = parsed.locate(error.pointer);
    const where = error.pointer || '/';
    console.log(`${file}:${line}:${column}: ${describeValidationError(error, i18n.t, language)} (${where})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
