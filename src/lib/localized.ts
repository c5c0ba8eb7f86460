import { z } from 'zod';
import type { LocalizedText } from '../i18n/langs.ts';

const oneText = z.string().trim().max(20_000);

/**
 * Text in any subset of kk, ru and en. Empty strings are dropped, and the keys come out in one
 * order (kk, ru, en), so equal texts compare and serialize equally.
 */
export const localizedTextSchema = z
  .strictObject({ kk: oneText.optional(), ru: oneText.optional(), en: oneText.optional() })
  .transform(normalizeLocalized);

export function normalizeLocalized(text: LocalizedText | null | undefined): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const value = text?.[lang]?.trim();
    if (value) out[lang] = value;
  }
  return out;
}

export function hasAnyText(text: LocalizedText): boolean {
  return Object.keys(text).length > 0;
}
