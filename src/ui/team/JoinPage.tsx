import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { revealHidden } from '../../engine/hidden-characters';
import { useAssessments } from '../../state/assessments';
import { type JoinOutcome, joinTeam, shareWithTeam, teamErrorCode } from '../../state/team';
import { teamErrorText } from './team-error-text';
import '../../i18n/team-resources';

/**
 * One join per invitation at a time: React's StrictMode mounts, unmounts and mounts again, and the second mount
 * must wait for the first join instead of starting another.
 */
const joining = new Map<string, Promise<JoinOutcome>>();

function joinOnce(token: string): Promise<JoinOutcome> {
  let pending = joining.get(token);
  if (!pending) {
    pending = joinTeam(token);
    joining.set(token, pending);
    const settled = () => joining.delete(token);
    pending.then(settled, settled);
  }
  return pending;
}

type JoinView =
  | { step: 'joining' }
  | { step: 'choose' }
  | { step: 'sharing'; assessmentId: string }
  | { step: 'failed'; code: string };

/** `#/join/<token>`: opens a team invitation on this device. */
export function JoinPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [view, setView] = useState<JoinView>({ step: 'joining' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    joinOnce(token).then(
      (outcome) => {
        if (!current) return;
        if (outcome.kind === 'open') navigate(`/assessments/${outcome.assessmentId}`, { replace: true });
        else setView({ step: 'choose' });
      },
      (error: unknown) => {
        if (current) setView({ step: 'failed', code: teamErrorCode(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [token, navigate]);

  // What the page asks of the user changed: a screen reader or keyboard user starts at its heading. A layout effect:
  // it runs again when a Suspense boundary shows the page again (a namespace still loading), a passive one does not.
  useLayoutEffect(() => {
    if (view.step !== 'joining' && view.step !== 'sharing') heading.current?.focus();
  }, [view.step]);

  const share = (assessmentId: string) => {
    setView({ step: 'sharing', assessmentId });
    shareWithTeam(token, assessmentId).then(
      () => navigate(`/assessments/${assessmentId}`, { replace: true }),
      (error: unknown) => setView({ step: 'failed', code: teamErrorCode(error) }),
    );
  };

  if (view.step === 'joining') {
    return (
      <section className="join" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('team.join.title')}</h2>
        <p role="status">{t('team.join.joining')}</p>
      </section>
    );
  }
  if (view.step === 'failed') {
    return (
      <section className="join" aria-labelledby="join-heading">
        <h2 id="join-heading" ref={heading} tabIndex={-1}>
          {t('team.join.title')}
        </h2>
        <div className="notice error" role="alert">
          <p>{t('team.join.failed', { reason: teamErrorText(t, view.code) })}</p>
        </div>
        <p>
          <Link href="/">{t('team.join.home')}</Link>
        </p>
      </section>
    );
  }
  return (
    <ChooseAssessment
      heading={heading}
      sharing={view.step === 'sharing' ? view.assessmentId : undefined}
      onShare={share}
    />
  );
}

function ChooseAssessment({
  heading,
  sharing,
  onShare,
}: {
  heading: React.RefObject<HTMLHeadingElement | null>;
  sharing: string | undefined;
  onShare: (assessmentId: string) => void;
}) {
  const { t } = useTranslation();
  const assessments = useAssessments();
  const candidates = assessments?.filter((a) => a.status !== 'signed' && !a.team);
  return (
    <section className="join" aria-labelledby="join-heading">
      <h2 id="join-heading" ref={heading} tabIndex={-1}>
        {t('team.join.chooseTitle')}
      </h2>
      <p>{t('team.join.chooseIntro')}</p>
      <p className="hint">{t('team.join.whatSharingMeans', { origin: window.location.origin })}</p>
      {!candidates ? (
        <p role="status">{t('common.loading')}</p>
      ) : candidates.length === 0 ? (
        <p>
          {t('team.join.noneToShare')} <Link href="/">{t('team.join.home')}</Link>
        </p>
      ) : (
        <ul className="assessment-list">
          {candidates.map((a) => (
            <li key={a.id} className="assessment-item">
              <h3 id={`share-${a.id}`}>{revealHidden(a.title)}</h3>
              {(a.organisation || a.aiSystem) && (
                <p className="meta">{[a.organisation, a.aiSystem].filter(Boolean).join(' · ')}</p>
              )}
              <button
                type="button"
                aria-describedby={`share-${a.id}`}
                disabled={sharing !== undefined}
                onClick={() => onShare(a.id)}
              >
                {t('team.join.share')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{sharing !== undefined ? t('team.join.sharing') : ''}</p>
    </section>
  );
}
