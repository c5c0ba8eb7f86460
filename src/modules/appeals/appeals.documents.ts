import type { Paragraph } from 'docx';
import type { Config } from '../../config.ts';
import { translator } from '../../i18n/define.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, langs, pickText } from '../../i18n/langs.ts';
import { documentFonts } from '../../lib/fonts.ts';
import { appealMessages } from './appeals.messages.ts';
import type { PublicAppeal, PublishedAppeal } from './appeals.service.ts';

/** One data object per appeal and language; the PDF, DOCX and web renderers all start from it. */
export type AssembledAppeal = {
  lang: Lang;
  /** The language the text is actually in (the reader's, else the first one written). */
  textLang: Lang;
  organization: string[];
  title: string;
  date: string;
  addresseesHeading: string;
  addressees: string[];
  blocks: TextBlock[];
  signatoriesHeading: string;
  signatories: string[];
  responsesHeading: string;
  responses: Array<{ heading: string; blocks: TextBlock[] }>;
};

/**
 * A text as its author typed it: paragraphs (a blank line between them) whose single line breaks
 * stay, and lists (lines that start with "1." / "1)" or "-" / "•"). The web page, PDF and DOCX all
 * lay out these blocks, so a numbered list stays a list everywhere.
 */
export type TextBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

const orderedItem = /^(\d{1,3})[.)]\s+(.*)$/;
const bulletItem = /^[-•*–]\s+(.*)$/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  // A browser sends a textarea's breaks as CR LF; older texts may hold a lone CR.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let current: TextBlock | null = null;
  let blankBefore = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      blankBefore = true;
      continue;
    }
    const ordered = orderedItem.exec(line);
    const bullet = ordered ? null : bulletItem.exec(line);
    if (ordered || bullet) {
      const isOrdered = ordered !== null;
      const item = (ordered ? ordered[2] : bullet?.[1]) ?? '';
      // Items of one kind make one list even with blank lines between them.
      if (current?.kind === 'list' && current.ordered === isOrdered) current.items.push(item);
      else {
        current = {
          kind: 'list',
          ordered: isOrdered,
          start: ordered ? Number(ordered[1]) : 1,
          items: [item],
        };
        blocks.push(current);
      }
    } else if (current && !blankBefore) {
      // A line right under an item continues it; right under a paragraph line, it is a line break.
      if (current.kind === 'list') {
        const last = current.items.length - 1;
        current.items[last] = `${current.items[last]} ${line}`;
      } else current.lines.push(line);
    } else {
      current = { kind: 'paragraph', lines: [line] };
      blocks.push(current);
    }
    blankBefore = false;
  }
  return blocks;
}

/** Plain text of the blocks, one line per paragraph line or list item (feeds and summaries). */
export function blockLines(blocks: TextBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.kind === 'paragraph'
      ? block.lines
      : block.items.map((item, index) => (block.ordered ? `${block.start + index}. ${item}` : `• ${item}`)),
  );
}

export function assembleAppeal(
  published: PublishedAppeal,
  lang: Lang,
  organization: Config['organization'],
): AssembledAppeal {
  const t = translator(appealMessages, lang);
  const { appeal } = published;
  const body = pickText(appeal.body, lang);
  return {
    lang,
    textLang: body?.lang ?? lang,
    organization: langs.map((code) => organization.name[code]),
    title: pickText(appeal.title, lang)?.text ?? '',
    date: formatDate(appeal.date, lang),
    addresseesHeading: t('addresseesHeading'),
    addressees: appeal.addressees,
    blocks: textBlocks(body?.text ?? ''),
    signatoriesHeading: t('signatoriesHeading'),
    signatories: appeal.signatories,
    responsesHeading: t('responsesHeading'),
    responses: published.responses.map((response) => ({
      heading: t('responseFrom', { responder: response.responder, date: formatDate(response.date, lang) }),
      blocks: textBlocks(response.text),
    })),
  };
}

// pdfkit and docx load with the first document they lay out, not with the server (~220 ms).
export async function renderAppealPdf(document: AssembledAppeal): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: document.title },
    lang: document.textLang,
  } as PDFKit.PDFDocumentOptions);
  pdf.registerFont('regular', documentFonts.regular);
  pdf.registerFont('bold', documentFonts.bold);
  pdf.registerFont('italic', documentFonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('regular').fontSize(9).fillColor('#444444');
  for (const name of document.organization) pdf.text(name, { align: 'center' });
  pdf.moveDown(1.5).fillColor('#000000');
  pdf.font('bold').fontSize(16).text(document.title, { align: 'center' });
  pdf.moveDown(0.5).font('regular').fontSize(10).text(document.date, { align: 'center' });
  pdf.moveDown(1);
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    pdf.font('bold').fontSize(11).text(heading);
    pdf.font('regular').fontSize(11);
    for (const item of items) pdf.text(`• ${item}`, { indent: 10 });
    pdf.moveDown(0.8);
  };
  list(document.addresseesHeading, document.addressees);
  pdf.font('regular').fontSize(11);
  // Each line is its own text call: pdfkit draws a stray CR or LF inside a string as a box.
  const blocks = (items: TextBlock[], gap: number) => {
    for (const block of items) {
      if (block.kind === 'paragraph') {
        block.lines.forEach((line, index) => {
          pdf.text(line, { align: index === block.lines.length - 1 ? 'left' : 'justify' });
        });
      } else {
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : '•';
          pdf.text(`${marker} ${item}`, { indent: 14 });
        });
      }
      pdf.moveDown(gap);
    }
  };
  blocks(document.blocks, 0.6);
  pdf.moveDown(0.4);
  list(document.signatoriesHeading, document.signatories);
  if (document.responses.length > 0) {
    pdf.font('bold').fontSize(13).text(document.responsesHeading).moveDown(0.4);
    for (const response of document.responses) {
      pdf.font('bold').fontSize(11).text(response.heading);
      pdf.font('regular');
      blocks(response.blocks, 0.4);
    }
  }
  pdf.end();
  return done;
}

export async function renderAppealDocx(document: AssembledAppeal): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text: value, font: 'DejaVu Sans', ...options });
  const children: Paragraph[] = [
    ...document.organization.map(
      (name) => new Paragraph({ alignment: AlignmentType.CENTER, children: [text(name, { size: 18 })] }),
    ),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [text(document.title, { bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(document.date)] }),
  ];
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(heading, { bold: true })] }),
    );
    for (const item of items) children.push(new Paragraph({ bullet: { level: 0 }, children: [text(item)] }));
  };
  list(document.addresseesHeading, document.addressees);
  const blocks = (items: TextBlock[]) => {
    for (const block of items) {
      if (block.kind === 'paragraph') {
        // One paragraph, its author's line breaks kept as breaks.
        children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            children: block.lines.map((line, index) =>
              index === 0 ? text(line) : new TextRun({ text: line, font: 'DejaVu Sans', break: 1 }),
            ),
          }),
        );
      } else {
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : '•';
          children.push(
            new Paragraph({ indent: { left: 360, hanging: 360 }, children: [text(`${marker} ${item}`)] }),
          );
        });
      }
    }
  };
  blocks(document.blocks);
  list(document.signatoriesHeading, document.signatories);
  if (document.responses.length > 0) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [text(document.responsesHeading, { bold: true })],
      }),
    );
    for (const response of document.responses) {
      children.push(new Paragraph({ children: [text(response.heading, { bold: true })] }));
      blocks(response.blocks);
    }
  }
  const doc = new Document({
    title: document.title,
    creator: document.organization[2] ?? '',
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

const escapeXml = (value: string) =>
  value.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

/** An Atom feed of published appeals in `lang`: each entry links to its page, PDF and DOCX. */
export function renderAppealsFeed(
  appeals: PublicAppeal[],
  lang: Lang,
  baseUrl: string,
  organization: Config['organization'],
) {
  const t = translator(appealMessages, lang);
  const feedUrl = `${baseUrl}/${lang}/appeals`;
  const updated = appeals.reduce(
    (latest, appeal) => (appeal.updatedAt > latest ? appeal.updatedAt : latest),
    new Date(0),
  );
  const entries = appeals.map((appeal) => {
    const url = `${feedUrl}/${appeal.id}`;
    const title = pickText(appeal.title, lang);
    const body = pickText(appeal.body, lang);
    const summary = blockLines(textBlocks(body?.text ?? ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .slice(0, 400);
    return [
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title xml:lang="${title?.lang ?? lang}">${escapeXml(title?.text ?? '')}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <link rel="enclosure" type="application/pdf" href="${escapeXml(`${url}.pdf`)}"/>`,
      `    <published>${appeal.publishedAt.toISOString()}</published>`,
      `    <updated>${appeal.updatedAt.toISOString()}</updated>`,
      `    <summary xml:lang="${body?.lang ?? lang}">${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${escapeXml(feedUrl)}</id>`,
    `  <title>${escapeXml(`${t('appealsTitle')} · ${organization.name[lang]}`)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${feedUrl}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feedUrl)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${escapeXml(organization.name[lang])}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
