// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sha256OfBytes } from '../../src/engine/canonical';
import { createSigningKey, keyFingerprint, signSignOff, verifySignOff } from '../../src/engine/sign-off-signature';
import type { SignOff } from '../../src/engine/types';

const SIGN_OFF = {
  name: 'Dr. B. Klein',
  role: 'DPO',
  date: '2026-11-29',
  statement: 'Reviewed « en entier ».',
  contentHash: 'c'.repeat(64),
  signedAt: '2026-11-29T10:00:00.000Z',
};

describe('the signature of a sign-off', () => {
  it('verifies with the public key it carries, and the private key never leaves the device', async () => {
    const keys = await createSigningKey();
    const signed = await signSignOff(SIGN_OFF, keys);
    expect(signed).toMatchObject({ ...SIGN_OFF, signature: { algorithm: 'ECDSA-P256-SHA256' } });
    expect(await verifySignOff(signed)).toBe('valid');
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
  });

  it('fails when who signed, the date, the statement or the content hash changes', async () => {
    const signed = await signSignOff(SIGN_OFF, await createSigningKey());
    const changes: Partial<SignOff>[] = [
      { name: 'Someone Else' },
      { role: 'CEO' },
      { date: '2026-11-30' },
      { statement: 'Reviewed.' },
      { contentHash: '0'.repeat(64) },
      { signedAt: '2026-11-29T10:00:01.000Z' },
    ];
    for (const change of changes)
      expect(await verifySignOff({ ...signed, ...change }), JSON.stringify(change)).toBe('invalid');
  });

  it('fails with another key, a damaged key or signature, or another algorithm; a sign-off without one is unsigned', async () => {
    const signed = await signSignOff(SIGN_OFF, await createSigningKey());
    const other = await signSignOff(SIGN_OFF, await createSigningKey());
    const signature = signed.signature as NonNullable<SignOff['signature']>;
    const otherKey = (other.signature as NonNullable<SignOff['signature']>).publicKey;
    expect(await verifySignOff({ ...signed, signature: { ...signature, publicKey: otherKey } })).toBe('invalid');
    expect(await verifySignOff({ ...signed, signature: { ...signature, publicKey: 'AAAA' } })).toBe('invalid');
    expect(await verifySignOff({ ...signed, signature: { ...signature, publicKey: 'not base64!' } })).toBe('invalid');
    expect(await verifySignOff({ ...signed, signature: { ...signature, value: 'AAAA' } })).toBe('invalid');
    expect(
      await verifySignOff({ ...signed, signature: { ...signature, algorithm: 'RSA' as 'ECDSA-P256-SHA256' } }),
    ).toBe('invalid');
    expect(await verifySignOff(SIGN_OFF)).toBe('unsigned');
  });

  it('names the key by the SHA-256 of its public key', async () => {
    const keys = await createSigningKey();
    const signed = await signSignOff(SIGN_OFF, keys);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(await keyFingerprint(signed.signature as NonNullable<SignOff['signature']>)).toBe(await sha256OfBytes(spki));
  });
});
