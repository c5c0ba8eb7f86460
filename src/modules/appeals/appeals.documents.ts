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
  paragraphs: string[];
  signatoriesHeading: string;
  signatories: string[];
  responsesHeading: string;
  responses: Array<{ heading: string; paragraphs: string[] }>;
};

export const splitParagraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');

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
    paragraphs: splitParagraphs(body?.text ?? ''),
    signatoriesHeading: t('signatoriesHeading'),
    signatories: appeal.signatories,
    responsesHeading: t('responsesHeading'),
    responses: published.responses.map((response) => ({
      heading: t('responseFrom', { responder: response.responder, date: formatDate(response.date, lang) }),
      paragraphs: splitParagraphs(response.text),
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
  for (const paragraph of document.paragraphs) pdf.text(paragraph, { align: 'justify' }).moveDown(0.6);
  pdf.moveDown(0.4);
  list(document.signatoriesHeading, document.signatories);
  if (document.responses.length > 0) {
    pdf.font('bold').fontSize(13).text(document.responsesHeading).moveDown(0.4);
    for (const response of document.responses) {
      pdf.font('bold').fontSize(11).text(response.heading);
      pdf.font('regular');
      for (const paragraph of response.paragraphs) pdf.text(paragraph).moveDown(0.4);
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
  for (const paragraph of document.paragraphs) {
    children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [text(paragraph)] }));
  }
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
      for (const paragraph of response.paragraphs)
        children.push(new Paragraph({ children: [text(paragraph)] }));
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
    const summary = (body?.text ?? '').replace(/\s+/g, ' ').slice(0, 400);
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
