import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyFingerprint } from '../../engine/sign-off-signature';
import type { SignOff } from '../../engine/types';

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
    if (signature) void keyFingerprint(signature).then((value) => current && setFingerprint(value));
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
