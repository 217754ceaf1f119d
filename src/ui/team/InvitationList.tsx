import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../engine/format';
import type { TeamLink } from '../../engine/records';
import type { Language } from '../../engine/types';
import { type InvitationEntry, invitationsOf, revokeInvitation, teamErrorCode } from '../../state/team';
import { teamErrorText } from './team-error-text';

type Listing =
  | { kind: 'loading' }
  | { kind: 'listed'; invitations: InvitationEntry[] }
  | { kind: 'failed'; code: string };

type Revoking =
  | { kind: 'idle'; returnTo?: string }
  | { kind: 'asking'; jti: string }
  | { kind: 'revoking'; jti: string }
  | { kind: 'revoked'; name: string }
  | { kind: 'failed'; code: string };

/**
 * The owner's list of invitations, with a revoke button on each one still valid. `version` changes when an
 * invitation was just made, so the list shows it.
 */
export function InvitationList({ link, language, version }: { link: TeamLink; language: Language; version: number }) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [revoking, setRevoking] = useState<Revoking>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButtons = useRef(new Map<string, HTMLButtonElement>());

  // Keyboard users land on the question they are asked, and back on the button they came from when they cancel.
  useEffect(() => {
    if (revoking.kind === 'asking') confirmButton.current?.focus();
    if (revoking.kind === 'idle' && revoking.returnTo) revokeButtons.current.get(revoking.returnTo)?.focus();
  }, [revoking]);

  const load = useCallback(async () => {
    try {
      setListing({ kind: 'listed', invitations: await invitationsOf(link) });
    } catch (error) {
      setListing({ kind: 'failed', code: teamErrorCode(error) });
    }
  }, [link]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new invitation (version) is a reason to list again.
  useEffect(() => {
    void load();
  }, [load, version]);

  const revoke = async (invitation: InvitationEntry) => {
    setRevoking({ kind: 'revoking', jti: invitation.jti });
    try {
      await revokeInvitation(link, invitation.jti);
      setRevoking({ kind: 'revoked', name: invitation.name });
      await load();
    } catch (error) {
      setRevoking({ kind: 'failed', code: teamErrorCode(error) });
    }
    // The row's buttons are gone or changed: keep the keyboard user in the list, not at the top of the page.
    heading.current?.focus();
  };

  const now = Date.now();
  return (
    <section className="team-invitations" aria-labelledby={`${link.shareId}-invitations`}>
      <h3 id={`${link.shareId}-invitations`} ref={heading} tabIndex={-1}>
        {t('team.invitations.title')}
      </h3>
      {listing.kind === 'loading' && <p role="status">{t('team.invitations.loading')}</p>}
      {listing.kind === 'failed' && (
        <p className="field-error" role="alert">
          {t('team.invitations.failed', { reason: teamErrorText(t, listing.code) })}
        </p>
      )}
      {listing.kind === 'listed' && listing.invitations.length === 0 && <p>{t('team.invitations.none')}</p>}
      {listing.kind === 'listed' && listing.invitations.length > 0 && (
        <ul>
          {listing.invitations.map((invitation) => {
            const expired = Date.parse(invitation.expires) <= now;
            const state = invitation.revoked
              ? t('team.invitations.revoked')
              : expired
                ? t('team.invitations.expired', { date: formatDateTime(invitation.expires, language) })
                : t('team.invitations.validUntil', { date: formatDateTime(invitation.expires, language) });
            const revocable = !invitation.revoked && !expired && !invitation.yours;
            return (
              <li key={invitation.jti}>
                <span>
                  <strong>{invitation.name}</strong>, {t(`team.roles.${invitation.role}`)}, {state}
                  {invitation.yours && <> ({t('team.invitations.yours')})</>}
                </span>
                {revocable && revoking.kind === 'asking' && revoking.jti === invitation.jti ? (
                  <span className="team-revoke-confirm">
                    <span>{t('team.invitations.confirm', { name: invitation.name })}</span>
                    <button
                      type="button"
                      ref={confirmButton}
                      className="danger"
                      onClick={() => void revoke(invitation)}
                    >
                      {t('team.invitations.confirmRevoke')}
                    </button>
                    <button type="button" onClick={() => setRevoking({ kind: 'idle', returnTo: invitation.jti })}>
                      {t('team.invitations.cancel')}
                    </button>
                  </span>
                ) : (
                  revocable && (
                    <button
                      type="button"
                      ref={(element) => {
                        if (element) revokeButtons.current.set(invitation.jti, element);
                        else revokeButtons.current.delete(invitation.jti);
                      }}
                      disabled={revoking.kind === 'revoking'}
                      aria-label={t('team.invitations.revokeOf', { name: invitation.name })}
                      onClick={() => setRevoking({ kind: 'asking', jti: invitation.jti })}
                    >
                      {t('team.invitations.revoke')}
                    </button>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status">
        {revoking.kind === 'revoking'
          ? t('team.invitations.revoking')
          : revoking.kind === 'revoked'
            ? t('team.invitations.revokedNow', { name: revoking.name })
            : ''}
      </p>
      {revoking.kind === 'failed' && (
        <p className="field-error" role="alert">
          {t('team.invitations.revokeFailed', { reason: teamErrorText(t, revoking.code) })}
        </p>
      )}
    </section>
  );
}
