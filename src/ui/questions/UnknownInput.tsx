import { useTranslation } from 'react-i18next';
import type { QuestionInputProps, QuestionRenderer } from './types';

function UnknownInput({ question }: QuestionInputProps) {
  const { t } = useTranslation();
  return <p className="field-error">{t('question.unsupported', { type: question.type })}</p>;
}

/** The bottom of the registry: shown, never crashing, when no renderer fits. */
export const unknownRenderer: QuestionRenderer = { name: 'unknown', rank: () => 0, Component: UnknownInput };
