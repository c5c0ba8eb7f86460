import { randomInt } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Argon2id, the PHC string format `$argon2id$v=19$m=19456,t=2,p=1$…` (the library's defaults). */
const argon2id: Algorithm = 2;

export const passwordLength = { min: 12, max: 256 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/** False for a wrong password and for a stored value that is not an argon2 hash (never throws). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (!storedHash.startsWith('$argon2')) return false;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification. A sign-in with an unknown email calls it, so the answer
 * takes as long as with a known one and does not reveal which addresses have accounts.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  decoyHash ??= hashPassword(generatePassword());
  await verifyPassword(await decoyHash, password);
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Five groups of five (about 143 bits), e.g. `k7Qm2-…`: strong, and easy to type from a screen. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 5; group++) {
    let text = '';
    for (let index = 0; index < 5; index++) text += alphabet[randomInt(alphabet.length)];
    groups.push(text);
  }
  return groups.join('-');
}
