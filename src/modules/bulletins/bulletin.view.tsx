import { renderToString } from 'preact-render-to-string';
import type { AssembledBulletin, Fragment, Line } from './assemble.ts';

/** Where a figure links to; null renders it as plain text (Markdown-like outputs, previews without links). */
export type FigureLinker = ((figure: NonNullable<Fragment['figure']>) => string) | null;

function Fragments({ fragments, link }: { fragments: Fragment[]; link: FigureLinker }) {
  return (
    <>
      {fragments.map((fragment, index) =>
        fragment.figure && link ? (
          <a key={index} class="figure" href={link(fragment.figure)}>
            {fragment.text}
          </a>
        ) : (
          fragment.text
        ),
      )}
    </>
  );
}

function Lines({ lines, link }: { lines: Line[]; link: FigureLinker }) {
  return (
    <ul>
      {lines.map((line, index) => (
        <li key={index}>
          <Fragments fragments={line.fragments} link={link} />
          {line.children.length > 0 ? <Lines lines={line.children} link={link} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The bulletin as an article: the public page, the editor's preview and the HTML file share it. */
export function BulletinArticle({
  bulletin,
  link,
  recordHref,
}: {
  bulletin: AssembledBulletin;
  link: FigureLinker;
  recordHref?: (record: { type: 'incident' | 'case'; id: string }) => string;
}) {
  return (
    <article class="bulletin" lang={bulletin.lang}>
      <header>
        <p class="bulletin-org">
          {bulletin.organizationNames.map((name) => (
            <span key={name.lang} lang={name.lang}>
              {name.text}
            </span>
          ))}
        </p>
        <h1>{bulletin.title}</h1>
        <p class={bulletin.state === 'published' ? 'bulletin-date' : 'bulletin-date bulletin-draft'}>
          {bulletin.dateLine}
        </p>
      </header>
      {bulletin.introduction.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <section aria-labelledby="bulletin-summary">
        <h2 id="bulletin-summary">{bulletin.summary.heading}</h2>
        <Lines lines={bulletin.summary.lines} link={link} />
      </section>
      {bulletin.sections.map((section) => (
        <section key={section.key} aria-labelledby={`bulletin-${section.key}`}>
          <h2 id={`bulletin-${section.key}`}>{section.heading}</h2>
          {section.note.map((paragraph) => (
            <p key={paragraph} class="bulletin-note">
              {paragraph}
            </p>
          ))}
          {section.items.map((item, index) => (
            <div key={item.record?.id ?? index} class="bulletin-item">
              <h3>
                {item.dateLabel ? <span class="bulletin-item-date">{item.dateLabel}. </span> : null}
                {item.record && recordHref ? (
                  <a href={recordHref(item.record)} lang={item.headingLang ?? undefined}>
                    {item.heading}
                  </a>
                ) : (
                  <span lang={item.headingLang ?? undefined}>{item.heading}</span>
                )}
              </h3>
              {item.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </div>
          ))}
        </section>
      ))}
      {(
        [
          ['ytd', bulletin.yearToDate],
          ['last-year', bulletin.lastYear],
          ['money', bulletin.money],
        ] as const
      ).map(([key, block]) => (
        <section key={key} aria-labelledby={`bulletin-${key}`}>
          <h2 id={`bulletin-${key}`}>{block.heading}</h2>
          <Lines lines={block.lines} link={link} />
        </section>
      ))}
      <footer class="bulletin-footer">
        <p>{bulletin.methodology}</p>
        <p>
          {bulletin.contacts.heading}: {bulletin.contacts.lines.join(' · ')}
        </p>
      </footer>
    </article>
  );
}

const fileStyle = `body{font-family:"DejaVu Sans","Noto Sans",system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c1f23}
.bulletin-org span{display:block;font-size:.85rem;color:#555d66}.bulletin-date{color:#555d66}.bulletin-draft{color:#a1151b;font-weight:600}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.25rem}.bulletin-footer{border-top:1px solid #d5dae0;margin-top:2rem;font-size:.9rem}`;

/** A standalone HTML file (for `sozwatch report --format html`): one document with its own small style sheet. */
export function renderHtmlFile(bulletin: AssembledBulletin): string {
  const body = renderToString(<BulletinArticle bulletin={bulletin} link={null} />);
  const title = bulletin.title.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html lang="${bulletin.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${fileStyle}</style></head><body>${body}</body></html>\n`;
}
