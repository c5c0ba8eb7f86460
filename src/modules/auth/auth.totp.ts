import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the settings every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const periodSeconds = 30;

function totpFor(secretBase32: string, issuer = '', label = '') {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: periodSeconds,
  });
}

/** A new random secret of 160 bits, in base32 (what the user types into an app by hand). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI that authenticator apps read (from a QR code, or pasted). */
export function totpUri(secretBase32: string, issuer: string, accountEmail: string): string {
  return totpFor(secretBase32, issuer, accountEmail).toString();
}

/** The base32 secret in groups of four, easier to type: `ABCD EFGH …`. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Digits only, so "123 456" and "123-456" from an app's display are accepted. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * The time step of `code` when it is valid at `now` (one step of clock drift either way) and newer
 * than `lastStep`, the step of the last accepted code; else null. Accepting each step once stops a
 * code from being replayed.
 */
export function acceptedStep(
  secretBase32: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: now.getTime() }) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
