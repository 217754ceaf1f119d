import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson, sha256OfBytes } from './canonical';
import type { SignOff, SignOffSignature } from './types';

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';
const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/**
 * What the key signs: who signed, in what role, on what date, what they declared, and the content hash, so that
 * neither the content nor the declaration can change without the signature failing.
 */
export function signaturePayload(signOff: Omit<SignOff, 'signature'>): Uint8Array {
  const { name, role, date, statement, contentHash, signedAt } = signOff;
  return new TextEncoder().encode(canonicalJson({ name, role, date, statement, contentHash, signedAt }));
}

/** A key pair for signing sign-offs: the private key cannot be exported, only used on this device. */
export function createSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY, false, ['sign', 'verify']);
}

export async function signSignOff(signOff: Omit<SignOff, 'signature'>, keys: CryptoKeyPair): Promise<SignOff> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const value = new Uint8Array(
    await crypto.subtle.sign(SIGN, keys.privateKey, signaturePayload(signOff) as BufferSource),
  );
  const signature: SignOffSignature = {
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: bytesToBase64(publicKey),
    value: bytesToBase64(value),
  };
  return { ...signOff, signature };
}

/**
 * The SHA-256 of the public key (SPKI), as a validator reads it out to whoever checks their signature: the
 * signature proves the sign-off was made with the private key of this fingerprint, not whose key it is.
 */
export async function keyFingerprint(signature: SignOffSignature): Promise<string | undefined> {
  const bytes = base64ToBytes(signature.publicKey);
  return bytes ? sha256OfBytes(bytes) : undefined;
}

/** 'unsigned': a sign-off made before keys existed (its content hash still holds); 'invalid': do not trust it. */
export async function verifySignOff(signOff: SignOff): Promise<'valid' | 'invalid' | 'unsigned'> {
  const { signature } = signOff;
  if (!signature) return 'unsigned';
  if (signature.algorithm !== SIGNATURE_ALGORITHM) return 'invalid';
  const publicKey = base64ToBytes(signature.publicKey);
  const value = base64ToBytes(signature.value);
  if (!publicKey || !value) return 'invalid';
  try {
    const key = await crypto.subtle.importKey('spki', publicKey as BufferSource, KEY, false, ['verify']);
    const valid = await crypto.subtle.verify(
      SIGN,
      key,
      value as BufferSource,
      signaturePayload(signOff) as BufferSource,
    );
    return valid ? 'valid' : 'invalid';
  } catch {
    // Not a P-256 public key, or not a key at all.
    return 'invalid';
  }
}
