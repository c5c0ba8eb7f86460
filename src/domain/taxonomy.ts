import type { CaseKind, LegalRole, TaxonomyGroup } from './vocabularies.ts';

/**
 * The category codes of the taxonomy (DESIGN section 3) by group, in reading order. Codes are a
 * contract: a label may change, a code never changes meaning. The labels are data (the `labels`
 * column of `categories`, written by the migration that adds the code); everything the code needs
 * to know about a category is here: its group, and for legal categories whether it names a case's
 * kind or its subject, and of which kind. `taxonomy.test.ts` holds the `categories` table of the
 * migrated database to this list.
 */
export const taxonomy = {
  rights: [
    'murder',
    'attack',
    'threat',
    'detention',
    'obstruction',
    'censorship',
    'summons',
    'expulsion',
    'image_misuse',
    'discrediting',
    'copyright_violation',
  ],
  information: [
    'info_refusal',
    'court_transparency',
    'media_discrimination',
    'accreditation_denial',
    'blocking',
    'closure_suspension',
    'cyberattack',
    'persecution_for_dissemination',
  ],
  legal: [
    'criminal',
    'civil',
    'administrative',
    'criminal_defamation',
    'criminal_false_information',
    'criminal_incitement',
    'criminal_false_denunciation',
    'criminal_privacy',
    'criminal_extremism',
    'civil_honor_dignity',
    'civil_privacy',
    'civil_copyright',
    'administrative_false_information',
    'administrative_defamation',
    'administrative_disobedience',
  ],
  context: ['ranking', 'legislation', 'official_statement', 'official_statistics', 'other_context'],
} as const satisfies Record<TaxonomyGroup, readonly string[]>;

export type CategoryCode = (typeof taxonomy)[TaxonomyGroup][number];

export type TaxonomyEntry = {
  code: CategoryCode;
  group: TaxonomyGroup;
  legalRole: LegalRole | null;
  legalKind: CaseKind | null;
};

const caseKindCodes: readonly string[] = ['criminal', 'civil', 'administrative'] satisfies CaseKind[];

/** A legal category is a case kind itself (`civil`) or a subject of the kind its code starts with. */
function legalColumns(code: string): Pick<TaxonomyEntry, 'legalRole' | 'legalKind'> {
  if (caseKindCodes.includes(code)) return { legalRole: 'kind', legalKind: code as CaseKind };
  const kind = caseKindCodes.find((prefix) => code.startsWith(`${prefix}_`));
  if (!kind) throw new Error(`legal category ${code} must start with a case kind`);
  return { legalRole: 'subject', legalKind: kind as CaseKind };
}

/** Every category with its group and legal columns, in the taxonomy's order. */
export const taxonomyEntries: readonly TaxonomyEntry[] = (
  Object.entries(taxonomy) as Array<[TaxonomyGroup, readonly CategoryCode[]]>
).flatMap(([group, codes]) =>
  codes.map((code) =>
    group === 'legal'
      ? { code, group, ...legalColumns(code) }
      : { code, group, legalRole: null, legalKind: null },
  ),
);

const groupByCode = new Map<string, TaxonomyGroup>(taxonomyEntries.map((entry) => [entry.code, entry.group]));

/** The group of a category code, or undefined for a code the taxonomy does not have. */
export function groupOfCategory(code: string): TaxonomyGroup | undefined {
  return groupByCode.get(code);
}
