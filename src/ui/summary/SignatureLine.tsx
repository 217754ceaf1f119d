import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignOff } from '../../engine/types';
import '../../i18n/signoff-resources';

/**
 * Which key signed a sign-off, by its fingerprint, and what that does and does not prove. A shared assessment is
 * signed off through the team's server, which records the invited person who signed (server/api.ts).
 */
export function SignatureLine({ signOff, shared }: { signOff: SignOff; shared: boolean }) {
  const { t } = useTranslation();
  const [fingerprint, setFingerprint] = useState<string>();
  const { signature } = signOff;
  useEffect(() => {
    let current = true;
    if (signature) {
      void import('../../engine/sign-off-signature')
        .then(({ keyFingerprint }) => keyFingerprint(signature))
        .then((value) => current && setFingerprint(value));
    }
    return () => {
      current = false;
    };
  }, [signature]);
  if (!signature) return <p className="hint">{t(shared ? 'signoff.recordedByServer' : 'signoff.noSignature')}</p>;
  return (
    <>
      <p>
        {t('signoff.keyFingerprint')}: <code className="hash">{fingerprint ?? '…'}</code>
      </p>
      <p className="hint">{t('signoff.keyHint')}</p>
    </>
  );
}
