import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontFolder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * DejaVu covers every Kazakh letter (ә ғ қ ң ө ұ ү һ і), ₸ and №, and pdfkit embeds TTF files as they
 * are. Every PDF the app writes uses these.
 */
export const documentFonts = {
  regular: path.join(fontFolder, 'DejaVuSans.ttf'),
  bold: path.join(fontFolder, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontFolder, 'DejaVuSans-Oblique.ttf'),
} as const;
