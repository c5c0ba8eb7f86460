import { type AssembledBulletin, type Line, lineText } from './assemble.ts';

/** Markdown that reads well as plain text too. Characters Markdown would take as syntax are escaped. */
const md = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function lines(list: Line[], depth = 0): string[] {
  return list.flatMap((line) => [
    `${'  '.repeat(depth)}- ${md(lineText(line))}`,
    ...lines(line.children, depth + 1),
  ]);
}

export function renderMarkdown(bulletin: AssembledBulletin): string {
  const out: string[] = [
    ...bulletin.organizationNames
      .map((name) => md(name.text))
      .join('  \n')
      .split('\n'),
    '',
    `# ${md(bulletin.title)}`,
    '',
    `*${md(bulletin.dateLine)}*`,
    '',
    ...bulletin.introduction.flatMap((paragraph) => [md(paragraph), '']),
    `**${md(bulletin.summary.heading)}**`,
    '',
    ...lines(bulletin.summary.lines),
    '',
  ];
  for (const section of bulletin.sections) {
    out.push(`## ${md(section.heading)}`, '');
    for (const paragraph of section.note) out.push(md(paragraph), '');
    for (const item of section.items) {
      const date = item.dateLabel ? `**${md(item.dateLabel)}.** ` : '';
      out.push(`${date}**${md(item.heading)}**`, '');
      for (const paragraph of item.paragraphs) out.push(md(paragraph), '');
    }
  }
  for (const block of [bulletin.yearToDate, bulletin.lastYear, bulletin.money]) {
    out.push(`## ${md(block.heading)}`, '', ...lines(block.lines), '');
  }
  out.push(
    '---',
    '',
    `*${md(bulletin.methodology)}*`,
    '',
    `**${md(bulletin.contacts.heading)}:** ${bulletin.contacts.lines.map(md).join(' · ')}`,
    '',
  );
  return out.join('\n');
}
