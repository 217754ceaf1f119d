import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localize } from '../../engine/localize';
import { canInvite, canWrite } from '../../engine/team-document';
import type { Language, Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import type { TeamPresence, TeamSyncState, TeamView } from '../../state/team';
import { InviteForm } from './InviteForm';
import { teamErrorText } from './team-error-text';
import '../../i18n/team-resources';

interface TeamBarProps {
  assessment: AssessmentRecord;
  /** useTeam(assessment): undefined for an assessment that lives on this device only. */
  team: TeamView | undefined;
  questionnaire: Questionnaire;
  language: Language;
}

/** Where this assessment lives, and in a shared one: its sync status, who you are in it, and who else is here. */
export function TeamBar({ assessment, team, questionnaire, language }: TeamBarProps) {
  const { t } = useTranslation();
  if (!team) {
    return (
      <section className="team-bar local" aria-label={t('team.status.label')}>
        <p>{t('team.status.local')}</p>
      </section>
    );
  }
  const { link, state, nextRevisionId } = team;
  const sectionTitle = (sectionId: string | undefined) => {
    const index = questionnaire.sections.findIndex((s) => s.id === sectionId);
    const section = questionnaire.sections[index];
    return section ? `${index + 1}. ${localize(section.title, language)}` : undefined;
  };
  return (
    <section className="team-bar shared" aria-label={t('team.status.label')}>
      <p role="status" className={`team-sync ${state?.status ?? 'connecting'}`}>
        {syncText(state, t)}
      </p>
      <p>{t('team.status.you', { role: t(`team.roles.${link.role}`), name: link.person.name })}</p>
      {assessment.status !== 'signed' && !team.mayAnswer && (
        <p className="notice">
          {canWrite(link.role, 'answers')
            ? t('team.status.readOnlyByServer')
            : t('team.status.readOnlyRole', { role: t(`team.roles.${link.role}`) })}
        </p>
      )}
      <Presence others={state?.others ?? []} sectionTitle={sectionTitle} />
      {nextRevisionId && (
        <p className="notice">
          {t('team.status.nextRevision')} <Link href={`/assessments/${nextRevisionId}`}>{t('team.status.openIt')}</Link>
        </p>
      )}
      {canInvite(link.role) && assessment.status !== 'signed' && <InviteForm link={link} language={language} />}
    </section>
  );
}

function syncText(state: TeamSyncState | undefined, t: TFunction): string {
  switch (state?.status ?? 'connecting') {
    case 'connecting':
      return t('team.status.connecting');
    case 'syncing':
      return t('team.status.syncing');
    case 'synced':
      return t('team.status.synced');
    case 'offline':
      return state?.waiting
        ? t('team.status.offlineWaiting', { count: state.waiting })
        : t('team.status.offlineNothingWaiting');
    default:
      return t('team.status.refused', { reason: teamErrorText(t, state?.refusal) });
  }
}

/**
 * Who else is on this assessment now. Only the count is a live region: people moving between sections would
 * otherwise interrupt a screen reader user at every step.
 */
function Presence({
  others,
  sectionTitle,
}: {
  others: readonly TeamPresence[];
  sectionTitle: (sectionId: string | undefined) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="team-presence">
      <p role="status">
        {others.length === 0 ? t('team.status.alone') : t('team.status.others', { count: others.length })}
      </p>
      {others.length > 0 && (
        <ul>
          {others.map((other) => {
            const where = sectionTitle(other.sectionId);
            const who = `${other.person.name} (${t(`team.roles.${other.role}`)})`;
            return <li key={other.clientId}>{where ? t('team.status.inSection', { who, section: where }) : who}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
