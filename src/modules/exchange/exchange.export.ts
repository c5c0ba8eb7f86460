import { stringify } from 'csv-stringify/sync';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { type Lang, type LocalizedText, pickText } from '../../i18n/langs.ts';
import { chunked } from '../../lib/batch.ts';
import { guardFormula } from '../../lib/csv.ts';
import { parseInput } from '../../lib/input.ts';
import { loadIncidentViews, type PublicIncident, toPublicIncident } from '../incidents/index.ts';
import { actorGroup, categoryMapping, type ExchangeIncident, profileColumns } from './exchange.profiles.ts';
import * as repo from './exchange.repo.ts';
import { type ProfileExportOptions, profileExportOptionsSchema } from './exchange.schemas.ts';

type OpenIncident = Extract<PublicIncident, { restricted: false }>;
const outletKinds = new Set(['media_outlet', 'online_channel']);
const unique = (values: string[]) => [...new Set(values.filter((value) => value !== ''))];

function exchangeRow(
  incident: OpenIncident,
  lang: Lang,
  context: {
    profile: keyof typeof profileColumns;
    country: string;
    publicUrl: string;
    regionLabels: Map<string, LocalizedText>;
  },
): ExchangeIncident | null {
  const categories = unique(
    incident.categories.map((code) => categoryMapping[code]?.[context.profile] ?? ''),
  );
  // Only context categories: not a violation, nothing for a partner's map.
  if (categories.length === 0) return null;
  const people = incident.victims.filter((victim) => !outletKinds.has(victim.kind));
  return {
    id: incident.id,
    url: `${context.publicUrl}/${lang}/incidents/${encodeURIComponent(incident.id)}`,
    date: incident.date,
    country: context.country,
    region: incident.region
      ? (pickText(context.regionLabels.get(incident.region), lang)?.text ?? incident.region)
      : '',
    locality: incident.locality ?? '',
    title: pickText(incident.title, lang)?.text ?? '',
    description: pickText(incident.summary, lang)?.text ?? '',
    categories,
    victims: unique(
      people.map((victim) => ('name' in victim && victim.name ? victim.name : 'anonymous')),
    ).join('; '),
    victimKinds: unique(incident.victims.map((victim) => victim.kind)).join('; '),
    outlets: unique([
      ...incident.victims.flatMap((victim) =>
        outletKinds.has(victim.kind) && 'name' in victim ? [victim.name ?? ''] : [],
      ),
      ...incident.sources.map((source) => source.outlet ?? ''),
    ]).join('; '),
    aggressors: unique(incident.perpetrators.map((perpetrator) => actorGroup(perpetrator.kind))).join('; '),
    sources: unique(incident.sources.map((source) => source.url ?? '')).join(' '),
  };
}

/**
 * A CSV in a partner's shape: published, unrestricted incidents through the public presenter (so the
 * same privacy rules as the portal hold), our categories mapped to the partner's, text in `lang`.
 */
export async function exportProfile(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'organization'>,
  input: ProfileExportOptions,
  sink: (chunk: string) => void | Promise<void>,
): Promise<{ incidents: number }> {
  const options = parseInput(profileExportOptionsSchema, input);
  const columns = profileColumns[options.profile];
  const { regions } = await repo.regionsAndCategories(db);
  const context = {
    profile: options.profile,
    country: config.organization.country,
    publicUrl: config.publicUrl,
    regionLabels: new Map(regions.map((region) => [region.code, region.labels])),
  };
  await sink(stringify([columns.map(([name]) => name)]));
  let incidents = 0;
  const ids = await repo.exchangeableIncidentIds(db, options);
  for (const page of chunked(ids, 500)) {
    const views = await loadIncidentViews(db, page);
    const rows = page.flatMap((id) => {
      const view = views.get(id);
      const presented = view ? toPublicIncident(view) : null;
      const row = presented && !presented.restricted ? exchangeRow(presented, options.lang, context) : null;
      return row ? [columns.map(([, cell]) => guardFormula(cell(row)))] : [];
    });
    incidents += rows.length;
    if (rows.length > 0) await sink(stringify(rows));
  }
  return { incidents };
}

export async function exportProfileToString(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'organization'>,
  options: ProfileExportOptions,
) {
  const parts: string[] = [];
  const counts = await exportProfile(db, config, options, (chunk) => void parts.push(chunk));
  return { text: parts.join(''), counts };
}
