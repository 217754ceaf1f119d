import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../engine/format';
import type { TeamLink } from '../../engine/records';
import type { TeamRole } from '../../engine/team-document';
import type { Language } from '../../engine/types';
import { inviteToTeam, teamErrorCode } from '../../state/team';
import { LazyDetails } from '../common/LazyDetails';
import { InvitationList } from './InvitationList';
import { teamErrorText } from './team-error-text';
import '../../i18n/team-resources';

const DEFAULT_DAYS = 14;
const MAX_DAYS = 365;

/** The owner's "Invite someone": a closed disclosure whose form mounts when it is first opened. */
export function InviteForm({ link, language }: { link: TeamLink; language: Language }) {
  const { t } = useTranslation();
  return (
    <LazyDetails className="team-invite" summary={t('team.invite.title')}>
      {() => <InviteFields link={link} language={language} />}
    </LazyDetails>
  );
}

type Making =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'made'; name: string; link: string; expires: string }
  | { kind: 'failed'; code: string };

function InviteFields({ link, language }: { link: TeamLink; language: Language }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TeamRole>('editor');
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [making, setMaking] = useState<Making>({ kind: 'idle' });
  const [invitationsMade, setInvitationsMade] = useState(0);
  const [missingName, setMissingName] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const daysNumber = Number(days);
  const daysValid = Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= MAX_DAYS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = name.trim();
    setMissingName(!person);
    if (!person) {
      nameInput.current?.focus();
      return;
    }
    if (!daysValid) {
      document.getElementById(`${id}-days`)?.focus();
      return;
    }
    setMaking({ kind: 'making' });
    try {
      const made = await inviteToTeam(link, { name: person, role, days: daysNumber });
      setMaking({ kind: 'made', name: person, link: made.link, expires: made.expires });
      setInvitationsMade((count) => count + 1);
    } catch (error) {
      setMaking({ kind: 'failed', code: teamErrorCode(error) });
    }
  };

  return (
    <div className="team-invite-body">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('team.invite.name')}</label>
          <input
            id={`${id}-name`}
            ref={nameInput}
            type="text"
            required
            maxLength={200}
            value={name}
            aria-invalid={missingName || undefined}
            aria-describedby={missingName ? `${id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {missingName && (
            <p id={`${id}-name-error`} className="field-error">
              {t('team.invite.nameRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('team.invite.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
            {INVITE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`team.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('team.invite.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DAYS}
            required
            value={days}
            aria-invalid={!daysValid || undefined}
            aria-describedby={daysValid ? undefined : `${id}-days-error`}
            onChange={(e) => setDays(e.target.value)}
          />
          {!daysValid && (
            <p id={`${id}-days-error`} className="field-error">
              {t('team.invite.daysInvalid', { max: MAX_DAYS })}
            </p>
          )}
        </div>
        <button type="submit" disabled={making.kind === 'making'}>
          {t('team.invite.submit')}
        </button>
      </form>
      <p role="status">
        {making.kind === 'making'
          ? t('team.invite.making')
          : making.kind === 'made'
            ? t('team.invite.made', { name: making.name })
            : ''}
      </p>
      {making.kind === 'failed' && (
        <p className="field-error" role="alert">
          {t('team.invite.failed', { reason: teamErrorText(t, making.code) })}
        </p>
      )}
      {making.kind === 'made' && (
        <MadeLink name={making.name} link={making.link} expires={formatDateTime(making.expires, language)} />
      )}
      <InvitationList link={link} language={language} version={invitationsMade} />
    </div>
  );
}

/** Editors first, the role most invitations are for; owner last, the one that hands over the most. */
const INVITE_ROLES: readonly TeamRole[] = ['editor', 'reviewer', 'validator', 'owner'];

function MadeLink({ name, link, expires }: { name: string; link: string; expires: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // Without clipboard access (an old browser, a locked-down profile) the link is selected for the user to copy.
      input.current?.focus();
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="team-invite-link">
      <label htmlFor={`${id}-link`}>{t('team.invite.linkFor', { name })}</label>
      <div className="copy-row">
        <input id={`${id}-link`} ref={input} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('team.invite.copy')}
        </button>
      </div>
      <p className="hint">{t('team.invite.expires', { date: expires })}</p>
      <p role="status">
        {copied === 'yes' ? t('team.invite.copied') : copied === 'failed' ? t('team.invite.copyByHand') : ''}
      </p>
    </div>
  );
}
