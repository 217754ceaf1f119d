/**
 * SurveyJS (survey-core + survey-react-ui) rendering a generated questionnaire converted by bench/to-surveyjs.ts.
 * `?size=1000` picks the questionnaire, `&data=1` restores the seeded answers (every section but the first).
 */
import 'survey-core/survey-core.fontless.min.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';

const surveys = import.meta.glob<Record<string, unknown>>('../generated/surveyjs/bench-*[0-9].json', {
  import: 'default',
});
const data = import.meta.glob<Record<string, unknown>>('../generated/surveyjs/bench-*.data.json', {
  import: 'default',
});

const params = new URLSearchParams(location.search);
const size = params.get('size') ?? '100';
const pick = <T,>(modules: Record<string, () => Promise<T>>, suffix: string) => {
  const key = Object.keys(modules).find((path) => path.endsWith(suffix));
  if (!key) throw new Error(`no generated file *${suffix}`);
  return (modules[key] as () => Promise<T>)();
};

const json = await pick(surveys, `/bench-${size}.json`);
const model = new Model(json);
if (params.get('data') === '1') model.data = await pick(data, `/bench-${size}.data.json`);
performance.mark('bench:model');
(window as unknown as { survey: Model }).survey = model;

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Survey model={model} />
  </StrictMode>,
);
