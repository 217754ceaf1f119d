import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_SECRET_LENGTH = 32;

/**
 * The HS256 key that signs invitations: CONFORMO_SECRET when given (every instance of a cluster must share it),
 * else one generated on first start into the data folder, readable by the server's user only.
 */
export function loadSecret(dataDir: string, fromEnvironment: string | undefined): Uint8Array {
  if (fromEnvironment !== undefined) {
    if (fromEnvironment.length < MIN_SECRET_LENGTH) {
      throw new Error(`CONFORMO_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    }
    return new TextEncoder().encode(fromEnvironment);
  }
  const file = join(dataDir, 'secret');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
