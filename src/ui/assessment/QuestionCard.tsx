import { memo, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../engine/localize';
import { isRequired } from '../../engine/progress';
import type { Answer, AnswerValue, Language, Question } from '../../engine/types';
import type { EvidenceInfo } from '../../state/lifecycle';
import { MarkdownDetails } from '../common/LazyMarkdown';
import { rendererFor } from '../questions/registry';
import type { SaveOptions } from '../questions/types';
import { useDraft } from '../questions/useDraft';
import { AnswerHistory } from './AnswerHistory';
import { EvidenceFiles } from './EvidenceFiles';
import { References } from './References';

export interface AnswerChange {
  value?: AnswerValue | null;
  justification?: string;
  comment?: string;
  /** Confirms a carried-over answer without changing it. */
  confirm?: boolean;
}

interface QuestionCardProps {
  assessmentId: string;
  /** A signed assessment is shown, never edited. */
  readOnly: boolean;
  files: EvidenceInfo[] | undefined;
  number: string;
  question: Question;
  answer: Answer | undefined;
  language: Language;
  onChange: (questionId: string, change: AnswerChange, options?: SaveOptions) => void;
  onCommit: () => void;
}

function NoteField({
  id,
  label,
  stored,
  invalid,
  onChange,
  onCommit,
}: {
  id: string;
  label: string;
  stored: string;
  invalid?: boolean;
  onChange: (text: string) => void;
  onCommit: () => void;
}) {
  const { draft, change, settle } = useDraft(stored);
  return (
    <div className="note-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={100_000}
        value={draft}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          change(event.target.value);
          onChange(event.target.value);
        }}
        onBlur={() => {
          settle();
          onCommit();
        }}
      />
    </div>
  );
}

/** A disclosure whose content mounts only once opened, so closed panels cost nothing. */
function LazyDetails({
  summary,
  className,
  children,
}: {
  summary: string;
  className: string;
  children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}

function QuestionCardView({
  assessmentId,
  readOnly,
  files,
  number,
  question,
  answer,
  language,
  onChange,
  onCommit,
}: QuestionCardProps) {
  const { t } = useTranslation();
  const idPrefix = `q-${question.id}`;
  const textId = `${idPrefix}-text`;
  const { Component } = rendererFor(question);
  const needsJustification = question.type === 'conformity' && answer?.value === 'notApplicable';
  const justificationMissing = needsJustification && !(answer?.justification ?? '').trim();
  const help = localize(question.help, language);
  const evidence = localize(question.evidence, language);
  return (
    <article className="question" aria-labelledby={textId}>
      <h3 id={textId} className="question-text">
        <span className="question-number">{number}</span> {localize(question.text, language)}
        {isRequired(question) ? (
          <span className="required" title={t('question.required')}>
            {' '}
            *<span className="visually-hidden">{t('question.required')}</span>
          </span>
        ) : (
          <span className="optional"> ({t('question.optional')})</span>
        )}
      </h3>
      <References references={question.references} crosswalk={question.crosswalk} />
      {help && <MarkdownDetails className="help" summary={t('question.help')} source={help} />}
      {evidence && (
        <details className="evidence">
          <summary>{t('question.evidence')}</summary>
          <p>{evidence}</p>
        </details>
      )}
      {answer?.carriedOver && (
        <p className="carried-over">
          {t('question.carriedOver')}{' '}
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => onChange(question.id, { confirm: true })}>
              {t('question.confirm')}
            </button>
          )}
        </p>
      )}
      <fieldset className="answer" disabled={readOnly}>
        <legend className="visually-hidden">{t('question.answer')}</legend>
        <Component
          question={question}
          answer={answer}
          language={language}
          idPrefix={idPrefix}
          labelledBy={textId}
          onChange={(value, options) => onChange(question.id, { value }, options)}
          onCommit={onCommit}
        />
        {!readOnly && answer?.value !== undefined && question.type !== 'shortText' && question.type !== 'longText' && (
          <button type="button" className="link-button" onClick={() => onChange(question.id, { value: null })}>
            {t('question.clear')}
          </button>
        )}
        {needsJustification && (
          <>
            <NoteField
              id={`${idPrefix}-justification`}
              label={t('question.justification')}
              stored={answer?.justification ?? ''}
              invalid={justificationMissing}
              onChange={(justification) => onChange(question.id, { justification }, { immediate: false })}
              onCommit={onCommit}
            />
            {justificationMissing && <p className="field-error">{t('question.justificationRequired')}</p>}
          </>
        )}
        <details className="comment" open={Boolean(answer?.comment)}>
          <summary>{t('question.comment')}</summary>
          <NoteField
            id={`${idPrefix}-comment`}
            label={t('question.commentLabel')}
            stored={answer?.comment ?? ''}
            onChange={(comment) => onChange(question.id, { comment }, { immediate: false })}
            onCommit={onCommit}
          />
        </details>
      </fieldset>
      <details className="evidence-panel" open={(files?.length ?? 0) > 0}>
        <summary>{t('evidence.title', { count: files?.length ?? 0 })}</summary>
        <EvidenceFiles
          assessmentId={assessmentId}
          questionId={question.id}
          files={files ?? []}
          language={language}
          readOnly={readOnly}
        />
      </details>
      <LazyDetails className="history-panel" summary={t('history.title')}>
        {() => <AnswerHistory assessmentId={assessmentId} question={question} language={language} />}
      </LazyDetails>
    </article>
  );
}

/** Re-renders only when its own answer changes: a keystroke elsewhere does not touch it. */
export const QuestionCard = memo(
  QuestionCardView,
  (a, b) =>
    a.answer?.updated === b.answer?.updated &&
    a.answer?.carriedOver === b.answer?.carriedOver &&
    a.readOnly === b.readOnly &&
    a.files === b.files &&
    a.answer?.value === b.answer?.value &&
    a.question === b.question &&
    a.language === b.language &&
    a.number === b.number,
);
