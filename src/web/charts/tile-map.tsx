import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';
import { shadeOf } from './scale.ts';

/** Short names that fit a tile; the full name is the link's accessible name and tooltip. */
const tileNames: Record<string, Record<Lang, string>> = {
  astana: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
  almaty_city: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
  shymkent: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' },
  abai: { kk: 'Абай', ru: 'Абай', en: 'Abai' },
  akmola: { kk: 'Ақмола', ru: 'Акмола', en: 'Akmola' },
  aktobe: { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' },
  almaty_region: { kk: 'Алматы обл.', ru: 'Алм. обл.', en: 'Almaty reg.' },
  atyrau: { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' },
  east_kazakhstan: { kk: 'ШҚО', ru: 'ВКО', en: 'East Kaz.' },
  zhambyl: { kk: 'Жамбыл', ru: 'Жамбыл', en: 'Zhambyl' },
  zhetysu: { kk: 'Жетісу', ru: 'Жетысу', en: 'Zhetysu' },
  west_kazakhstan: { kk: 'БҚО', ru: 'ЗКО', en: 'West Kaz.' },
  karaganda: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' },
  kostanay: { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' },
  kyzylorda: { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' },
  mangystau: { kk: 'Маңғыстау', ru: 'Мангистау', en: 'Mangystau' },
  pavlodar: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' },
  north_kazakhstan: { kk: 'СҚО', ru: 'СКО', en: 'North Kaz.' },
  turkistan: { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' },
  ulytau: { kk: 'Ұлытау', ru: 'Улытау', en: 'Ulytau' },
};

export type MapTile = {
  code: string;
  label: string;
  col: number;
  row: number;
  value: number;
  href: string;
};

const TILE_W = 96;
const TILE_H = 64;
const GAP = 4;

/**
 * Today's regions on a grid that keeps their rough places (tile_col, tile_row), shaded by count.
 * Each tile links to its region; the list under the map says the same in text.
 */
export function TileMap({ lang, title, tiles }: { lang: Lang; title: string; tiles: MapTile[] }) {
  const columns = Math.max(1, ...tiles.map((tile) => tile.col + 1));
  const rows = Math.max(1, ...tiles.map((tile) => tile.row + 1));
  const width = columns * (TILE_W + GAP);
  const height = rows * (TILE_H + GAP);
  const peak = Math.max(0, ...tiles.map((tile) => tile.value));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {/* On a phone the map keeps a readable size and scrolls inside this box, never the page. */}
      <div class="tile-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} class="tile-map">
          <title>{title}</title>
          {tiles.map((tile) => {
            const x = tile.col * (TILE_W + GAP);
            const y = tile.row * (TILE_H + GAP);
            const shortName = tileNames[tile.code]?.[lang] ?? tile.label;
            const value = formatNumber(tile.value, lang);
            // The accessible name holds the visible words in their order (axe label-content-name-mismatch):
            // the full name first, then the tile's short name when it differs, then the count.
            const label =
              shortName === tile.label ? `${tile.label}: ${value}` : `${tile.label} (${shortName}): ${value}`;
            return (
              <a
                key={tile.code}
                href={tile.href}
                aria-label={label}
                class={`shade-${shadeOf(tile.value, peak)}`}
              >
                <title>{label}</title>
                <rect x={x} y={y} width={TILE_W} height={TILE_H} rx="4" class="tile" />
                <text x={x + TILE_W / 2} y={y + 26} text-anchor="middle" class="tile-name">
                  {shortName}
                </text>
                <text x={x + TILE_W / 2} y={y + 48} text-anchor="middle" class="tile-value">
                  {value}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
