import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../engine/format';
import type { Language } from '../../engine/types';
import { addReviewComment, type ReviewComment, teamErrorCode } from '../../state/team';
import { LazyDetails } from '../common/LazyDetails';
import '../../i18n/team-resources';

interface ReviewCommentsProps {
  assessmentId: string;
  questionId: string;
  comments: readonly ReviewComment[];
  /** Every role may comment on a shared assessment until it is signed off. */
  mayComment: boolean;
  language: Language;
}

/**
 * A question's reviewer comments in a shared assessment, oldest first, and a form to add one. Without comments only
 * the closed "Add a reviewer comment" disclosure is there: the form mounts when it is opened.
 */
export function ReviewComments({ assessmentId, questionId, comments, mayComment, language }: ReviewCommentsProps) {
  const { t } = useTranslation();
  if (comments.length === 0 && !mayComment) return null;
  const form = mayComment && (
    <LazyDetails className="review-form" summary={t('team.review.add')}>
      {() => <ReviewCommentForm assessmentId={assessmentId} questionId={questionId} />}
    </LazyDetails>
  );
  if (comments.length === 0) return form;
  return (
    <section className="review-comments" aria-label={t('team.review.title')}>
      <h4>{t('team.review.heading', { count: comments.length })}</h4>
      <ol>
        {comments.map((comment) => (
          <li key={comment.id}>
            <p className="review-meta">
              <span className="review-author">{comment.author.name}</span> ({t(`team.roles.${comment.role}`)}),{' '}
              <time dateTime={comment.at}>{formatDateTime(comment.at, language)}</time>
            </p>
            {/* Plain text, never Markdown or HTML: a comment is shown exactly as it was typed. */}
            <p className="review-text">{comment.text}</p>
          </li>
        ))}
      </ol>
      {form}
    </section>
  );
}

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'added' } | { kind: 'failed'; code: string };

function ReviewCommentForm({ assessmentId, questionId }: { assessmentId: string; questionId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const comment = text.trim();
    if (!comment || sending.kind === 'sending') return;
    setSending({ kind: 'sending' });
    try {
      await addReviewComment(assessmentId, questionId, comment);
      setText('');
      setSending({ kind: 'added' });
    } catch (error) {
      setSending({ kind: 'failed', code: teamErrorCode(error) });
    }
  };

  return (
    <form className="review-comment-form" onSubmit={submit}>
      <label htmlFor={id}>{t('team.review.label')}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={10_000}
        required
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="secondary" disabled={sending.kind === 'sending'}>
        {t('team.review.submit')}
      </button>
      <p role="status" className="hint">
        {sending.kind === 'added' ? t('team.review.added') : ''}
      </p>
      {sending.kind === 'failed' && (
        <p role="alert" className="field-error">
          {t('team.review.failed', { reason: t(`team.errors.${sending.code}`) })}
        </p>
      )}
    </form>
  );
}
