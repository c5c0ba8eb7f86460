import PDFDocument from 'pdfkit';
import { documentFonts } from '../../lib/fonts.ts';
import { type AssembledBulletin, type Line, lineText } from './assemble.ts';

/**
 * A4 PDF with the DejaVu fonts embedded (every Kazakh letter, ₸ and №). pdfkit writes text as it is
 * laid out, so the order here is the reading order for screen readers and text extraction.
 */
export async function renderPdf(bulletin: AssembledBulletin): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    lang: bulletin.lang,
    displayTitle: true,
    info: {
      Title: bulletin.title,
      Author: bulletin.organizationNames.find((name) => name.lang === bulletin.lang)?.text ?? '',
    },
  });
  doc.registerFont('regular', documentFonts.regular);
  doc.registerFont('bold', documentFonts.bold);
  doc.registerFont('italic', documentFonts.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const ink = '#1c1f23';
  const muted = '#555d66';
  const text = (
    value: string,
    font: 'regular' | 'bold' | 'italic',
    size: number,
    options: PDFKit.Mixins.TextOptions = {},
    color = ink,
  ) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(value, left, doc.y, { width, ...options });
  const heading = (value: string, size = 13) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.moveDown(0.6);
    text(value, 'bold', size, { paragraphGap: 4 });
  };
  const bullets = (lines: Line[], depth = 0) => {
    for (const line of lines) {
      const indent = 14 + depth * 16;
      doc.font('regular').fontSize(10.5).fillColor(ink);
      const value = lineText(line);
      // The marker and its text must land on the same page.
      const height = doc.heightOfString(value, { width: width - indent, paragraphGap: 2 });
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.text(depth === 0 ? '•' : '–', left + indent - 10, y, { width: 10 });
      doc.text(value, left + indent, y, { width: width - indent, paragraphGap: 2 });
      bullets(line.children, depth + 1);
    }
  };

  for (const name of bulletin.organizationNames) text(name.text, 'regular', 9, { align: 'center' }, muted);
  doc.moveDown(1.2);
  text(bulletin.title, 'bold', 18, { paragraphGap: 6 });
  const published = bulletin.state === 'published';
  text(
    bulletin.dateLine,
    published ? 'regular' : 'bold',
    10,
    { paragraphGap: 10 },
    published ? muted : '#a1151b',
  );
  for (const paragraph of bulletin.introduction) text(paragraph, 'regular', 11, { paragraphGap: 6 });
  heading(bulletin.summary.heading, 12);
  bullets(bulletin.summary.lines);

  for (const section of bulletin.sections) {
    heading(section.heading, 14);
    for (const paragraph of section.note) text(paragraph, 'italic', 10.5, { paragraphGap: 6 });
    for (const item of section.items) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 50) doc.addPage();
      doc.moveDown(0.3);
      text(`${item.dateLabel ? `${item.dateLabel}. ` : ''}${item.heading}`, 'bold', 11, { paragraphGap: 3 });
      for (const paragraph of item.paragraphs) text(paragraph, 'regular', 10.5, { paragraphGap: 4 });
    }
  }
  for (const block of [bulletin.yearToDate, bulletin.lastYear, bulletin.money]) {
    heading(block.heading, 12);
    bullets(block.lines);
  }
  doc.moveDown(1.5);
  text(bulletin.methodology, 'italic', 9, { paragraphGap: 4 }, muted);
  text(`${bulletin.contacts.heading}: ${bulletin.contacts.lines.join(' · ')}`, 'regular', 9, {}, muted);

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(muted)
      .text(`${bulletin.title} · ${index + 1}/${range.count}`, left, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
