import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditorialTestApp,
  getPage,
  postForm,
  type Session,
  startEditorialApp,
} from '../../../test/editorial.ts';

let t: EditorialTestApp;
let monitor: Session;
let editor: Session;

beforeAll(async () => {
  t = await startEditorialApp();
  monitor = await t.signIn('monitor', 'Madina Monitor');
  editor = await t.signIn('editor', 'Ermek Editor');
});
afterAll(async () => t.close());

async function createIncident(title: string): Promise<string> {
  const response = await postForm(t.app, '/en/editorial/incidents', monitor, {
    date: '2024-05',
    categories: ['threat'],
    'title.en': title,
  });
  expect(response.statusCode).toBe(303);
  return decodeURIComponent(String(response.headers.location).split('/').pop()?.split('?')[0] ?? '');
}

/** The text of one section of the "my work" page, found by its heading. */
function section(html: string, id: string): string {
  return new RegExp(`<section aria-labelledby="work-${id}".*?</section>`, 's').exec(html)?.[0] ?? '';
}

describe('my work', () => {
  it('shows drafts, returned drafts, the review queue and recent publications to the right people', async () => {
    const returned = await createIncident('Returned demo threat');
    const waiting = await createIncident('Waiting demo threat');
    await createIncident('Plain demo draft');

    const status = (id: string, action: string) =>
      postForm(t.app, `/en/editorial/incidents/${id}/status`, editor, { action });
    expect((await status(returned, 'submit')).statusCode).toBe(303);
    expect((await status(returned, 'return')).statusCode).toBe(303);
    expect((await status(waiting, 'submit')).statusCode).toBe(303);

    const mine = await getPage(t.app, '/en/editorial/my-work', monitor);
    expect(mine.statusCode).toBe(200);
    expect(section(mine.body, 'returned')).toContain('Returned demo threat');
    expect(section(mine.body, 'drafts')).toContain('Plain demo draft');
    expect(section(mine.body, 'drafts')).not.toContain('Returned demo threat');
    expect(section(mine.body, 'waiting')).toContain('Waiting demo threat');
    expect(section(mine.body, 'queue')).toBe('');

    const desk = await getPage(t.app, '/en/editorial/my-work', editor);
    expect(section(desk.body, 'queue')).toContain('Waiting demo threat');
    expect(section(desk.body, 'drafts')).not.toContain('Plain demo draft');
    const review = await getPage(t.app, '/en/editorial/review', editor);
    expect(review.body).toContain('Waiting demo threat');
    expect(review.body).not.toContain('Plain demo draft');

    expect((await status(waiting, 'publish')).statusCode).toBe(303);
    const after = await getPage(t.app, '/kk/editorial/my-work', monitor);
    expect(after.body).toContain('Менің жұмысым');
    expect(section(after.body, 'published')).toContain('Waiting demo threat');
  });

  it('ignores a `done` notice it does not know, inherited names included', async () => {
    const id = await createIncident('Notice probe draft');
    for (const done of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nonsense']) {
      for (const url of [
        `/en/editorial/incidents?done=${done}`,
        `/en/editorial/incidents/${encodeURIComponent(id)}?done=${done}`,
        `/en/editorial/incidents/${encodeURIComponent(id)}/history?done=${done}`,
        `/en/editorial/actors?done=${done}`,
        `/en/editorial/cases?done=${done}`,
      ]) {
        const response = await getPage(t.app, url, editor);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain('class="notice"');
      }
    }
    const saved = await getPage(
      t.app,
      `/en/editorial/incidents/${encodeURIComponent(id)}?done=saved`,
      editor,
    );
    expect(saved.body).toContain('class="notice"');
  });

  it('keeps the review queue page for the desk', async () => {
    const response = await getPage(t.app, '/en/editorial/review', monitor);
    expect(response.statusCode).toBe(403);
  });
});
