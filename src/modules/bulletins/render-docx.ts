import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { type AssembledBulletin, type Line, lineText } from './assemble.ts';

/** A Word document with real headings and lists, so it can be edited and navigated like the web page. */
export async function renderDocx(bulletin: AssembledBulletin): Promise<Buffer> {
  const muted = '555D66';
  const bullets = (lines: Line[], level = 0): Paragraph[] =>
    lines.flatMap((line) => [
      new Paragraph({ text: lineText(line), bullet: { level } }),
      ...bullets(line.children, level + 1),
    ]);
  const heading = (
    text: string,
    level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
  ) => new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

  const children: Paragraph[] = [
    ...bulletin.organizationNames.map(
      (name) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: name.text, size: 18, color: muted })],
        }),
    ),
    new Paragraph({
      text: bulletin.title,
      heading: HeadingLevel.TITLE,
      spacing: { before: 240, after: 120 },
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: bulletin.dateLine,
          color: bulletin.state === 'published' ? muted : 'A1151B',
          bold: bulletin.state !== 'published',
        }),
      ],
      spacing: { after: 200 },
    }),
    ...bulletin.introduction.map((paragraph) => new Paragraph({ text: paragraph, spacing: { after: 120 } })),
    heading(bulletin.summary.heading),
    ...bullets(bulletin.summary.lines),
  ];
  for (const section of bulletin.sections) {
    children.push(heading(section.heading));
    for (const note of section.note)
      children.push(new Paragraph({ children: [new TextRun({ text: note, italics: true })] }));
    for (const item of section.items) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          spacing: { before: 160, after: 60 },
          children: [new TextRun({ text: `${item.dateLabel ? `${item.dateLabel}. ` : ''}${item.heading}` })],
        }),
        ...item.paragraphs.map((paragraph) => new Paragraph({ text: paragraph, spacing: { after: 80 } })),
      );
    }
  }
  for (const block of [bulletin.yearToDate, bulletin.lastYear, bulletin.money]) {
    children.push(heading(block.heading), ...bullets(block.lines));
  }
  children.push(
    new Paragraph({
      spacing: { before: 360 },
      children: [new TextRun({ text: bulletin.methodology, italics: true, size: 18, color: muted })],
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${bulletin.contacts.heading}: ${bulletin.contacts.lines.join(' · ')}`,
          size: 18,
          color: muted,
        }),
      ],
    }),
  );

  const document = new Document({
    title: bulletin.title,
    creator: bulletin.organizationNames.find((name) => name.lang === bulletin.lang)?.text ?? '',
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 21 } } } },
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${bulletin.title} · `, size: 16, color: muted }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: muted }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
