import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerPatch, justificationMissing, needsJustification } from '../../engine/answers';
import { localize } from '../../engine/localize';
import { isRequired } from '../../engine/progress';
import type { Answer, Language, Question } from '../../engine/types';
import type { EvidenceInfo } from '../../state/evidence';
import type { ReviewComment } from '../../state/team';
import { LazyDetails } from '../common/LazyDetails';
import { MarkdownDetails } from '../common/LazyMarkdown';
import { rendererFor } from '../questions/registry';
import type { SaveOptions } from '../questions/types';
import { ReviewComments } from '../team/ReviewComments';
import { AnswerHistory } from './AnswerHistory';
import { EvidenceFiles } from './EvidenceFiles';
import { References } from './References';

/** A change of this card's answer; the card adds which assessment and question it is about. */
export type AnswerChange = Omit<AnswerPatch, 'assessmentId' | 'questionId' | 'at'>;

interface QuestionCardProps {
  assessmentId: string;
  /** A signed assessment is shown, never edited. */
  readOnly: boolean;
  files: EvidenceInfo[] | undefined;
  number: string;
  question: Question;
  answer: Answer | undefined;
  language: Language;
  /** Receives the whole patch, bound here to the assessment and question this card shows. */
  onChange: (patch: Omit<AnswerPatch, 'at'>, options?: SaveOptions) => void;
  onCommit: () => void;
  /** A shared assessment's reviewer comments on this question, the same array while they stay the same; absent for an
   * assessment that lives on this device only, which shows nothing of them. */
  reviewComments?: readonly ReviewComment[];
  /** Whether a reviewer comment can be added (a shared assessment not signed off). */
  mayComment?: boolean;
}

function NoteField({
  id,
  label,
  text,
  invalid,
  onChange,
  onCommit,
}: {
  id: string;
  label: string;
  text: string;
  invalid?: boolean;
  onChange: (text: string) => void;
  onCommit: () => void;
}) {
  return (
    <div className="note-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={100_000}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onCommit}
      />
    </div>
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
  reviewComments,
  mayComment = false,
}: QuestionCardProps) {
  const { t } = useTranslation();
  const change = (fields: AnswerChange, options?: SaveOptions) =>
    onChange({ assessmentId, questionId: question.id, ...fields }, options);
  const idPrefix = `q-${question.id}`;
  const textId = `${idPrefix}-text`;
  const { Component } = rendererFor(question);
  const justificationAsked = needsJustification(question, answer?.value);
  const justificationAbsent = justificationMissing(question, answer);
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
            <button type="button" className="link-button" onClick={() => change({ confirm: true })}>
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
          onChange={(value, options) => change({ value }, options)}
          onCommit={onCommit}
        />
        {!readOnly && answer?.value !== undefined && question.type !== 'shortText' && question.type !== 'longText' && (
          <button type="button" className="link-button" onClick={() => change({ value: null })}>
            {t('question.clear')}
          </button>
        )}
        {justificationAsked && (
          <>
            <NoteField
              id={`${idPrefix}-justification`}
              label={t('question.justification')}
              text={answer?.justification ?? ''}
              invalid={justificationAbsent}
              onChange={(justification) => change({ justification }, { immediate: false })}
              onCommit={onCommit}
            />
            {justificationAbsent && <p className="field-error">{t('question.justificationRequired')}</p>}
          </>
        )}
        <LazyDetails className="comment" open={Boolean(answer?.comment)} summary={t('question.comment')}>
          {() => (
            <NoteField
              id={`${idPrefix}-comment`}
              label={t('question.commentLabel')}
              text={answer?.comment ?? ''}
              onChange={(comment) => change({ comment }, { immediate: false })}
              onCommit={onCommit}
            />
          )}
        </LazyDetails>
      </fieldset>
      <LazyDetails
        className="evidence-panel"
        open={(files?.length ?? 0) > 0}
        summary={t('evidence.title', { count: files?.length ?? 0 })}
      >
        {() => (
          <EvidenceFiles
            assessmentId={assessmentId}
            questionId={question.id}
            files={files ?? []}
            language={language}
            readOnly={readOnly}
          />
        )}
      </LazyDetails>
      {reviewComments && (
        <ReviewComments
          assessmentId={assessmentId}
          questionId={question.id}
          comments={reviewComments}
          mayComment={mayComment}
          language={language}
        />
      )}
      <LazyDetails className="history-panel" summary={t('history.title')}>
        {() => <AnswerHistory assessmentId={assessmentId} question={question} language={language} />}
      </LazyDetails>
    </article>
  );
}

/**
 * Re-renders only when one of its props changes (React's own comparison of every prop): the page passes stable
 * callbacks and reuses unchanged answer objects, so a keystroke elsewhere does not touch this card, and a card can
 * never keep an assessment or a handler it no longer shows.
 */
export const QuestionCard = memo(QuestionCardView);
