import { createSigningKey } from '../engine/sign-off-signature';
import { db } from './repository';

/**
 * This device's key pair for sign-offs, made on first use. IndexedDB keeps the CryptoKey objects themselves: the
 * private key was made non-extractable, so no script, export or backup can read it out; "delete all my data"
 * deletes it with the database.
 */
export async function signingKey(): Promise<CryptoKeyPair> {
  const stored = await db().keys.get('sign-off');
  if (stored) return stored.keys;
  const keys = await createSigningKey();
  // Two tabs signing at once: the first key stored wins, and both use it.
  await db()
    .keys.add({ id: 'sign-off', keys, created: new Date().toISOString() })
    .catch((error: unknown) => {
      if ((error as Error | undefined)?.name !== 'ConstraintError') throw error;
    });
  return (await db().keys.get('sign-off'))?.keys ?? keys;
}
