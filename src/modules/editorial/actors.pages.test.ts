import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditorialTestApp,
  getPage,
  inputValue,
  postForm,
  type Session,
  startEditorialApp,
} from '../../../test/editorial.ts';

let t: EditorialTestApp;
let monitor: Session;
let lawyer: Session;
let editor: Session;

beforeAll(async () => {
  t = await startEditorialApp();
  monitor = await t.signIn('monitor', 'Aigerim Monitor');
  lawyer = await t.signIn('lawyer');
  editor = await t.signIn('editor');
});
afterAll(async () => t.close());

async function createActor(fields: Record<string, string>) {
  const response = await postForm(t.app, '/en/editorial/actors', monitor, fields);
  expect(response.statusCode, response.body).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(/^\/en\/editorial\/actors\/[^/?]+\?done=created$/);
  return decodeURIComponent(location.split('/').pop()?.split('?')[0] ?? '');
}

describe('actor pages', () => {
  it('creates an actor with its variants and shows it in the list and the edit form', async () => {
    const id = await createActor({
      name: 'Lukpan Demo-Akhmedyarov',
      kind: 'journalist',
      'names.ru': 'Лукпан Демо-Ахмедьяров',
      variants: 'Lukpan Demo-Ahmedyarov\nЛукпан Демо',
    });
    const list = await getPage(t.app, '/en/editorial/actors?q=Demo-Ahmed', monitor);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Lukpan Demo-Akhmedyarov');
    const edit = await getPage(t.app, `/en/editorial/actors/${id}?done=created`, monitor);
    expect(edit.body).toContain('Created.');
    expect(inputValue(edit.body, 'names.ru')).toBe('Лукпан Демо-Ахмедьяров');
    expect(inputValue(edit.body, 'version')).toBe('1');
    expect(inputValue(edit.body, 'variants')).toContain('Лукпан Демо');
  });

  it('keeps typed values and marks each invalid field when a save is refused', async () => {
    const response = await postForm(t.app, '/ru/editorial/actors', monitor, {
      name: '',
      kind: 'astronaut',
      'names.en': 'Kept English name',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<title>Ошибка: ');
    expect(response.body).toContain('href="#f-name"');
    expect(response.body).toContain('href="#f-kind"');
    expect(response.body).toMatch(/id="f-name"[^>]*aria-invalid="true"/);
    expect(response.body).toContain('Заполните поле');
    expect(inputValue(response.body, 'names.en')).toBe('Kept English name');
  });

  it('refuses a stale version with the service message and keeps the input', async () => {
    const id = await createActor({ name: 'Stale Demo Outlet', kind: 'media_outlet' });
    const first = await postForm(t.app, `/en/editorial/actors/${id}`, monitor, {
      name: 'Stale Demo Outlet (renamed)',
      kind: 'media_outlet',
      version: '1',
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(t.app, `/en/editorial/actors/${id}`, lawyer, {
      name: 'My competing name',
      kind: 'media_outlet',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('was changed by Aigerim Monitor');
    expect(second.body).toContain('Someone else saved this record');
    expect(inputValue(second.body, 'name')).toBe('My competing name');
  });

  it('refuses a form without the CSRF token and writes nothing', async () => {
    const response = await postForm(
      t.app,
      '/en/editorial/actors',
      monitor,
      { name: 'No Token Demo', kind: 'journalist' },
      { csrf: 'wrong-token-wrong-token-wrong-tok' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form has expired');
    expect(inputValue(response.body, 'name')).toBe('No Token Demo');
    const list = await getPage(t.app, '/en/editorial/actors?q=No+Token+Demo', monitor);
    expect(list.body).not.toContain('No Token Demo</a>');
  });

  it('sends a visitor without a session to the login page', async () => {
    const response = await getPage(t.app, '/en/editorial/actors', null);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toContain('/en/login?next=');
  });

  it('suggests actors across scripts as JSON', async () => {
    await createActor({ name: 'Кайдарова Демо', kind: 'journalist', variants: 'Kaidarova Demo' });
    const response = await t.app.inject({
      url: '/en/editorial/actors/suggest?q=Kaydarova',
      headers: { cookie: monitor.cookie, accept: 'application/json' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { suggestions: Array<{ name: string; kind_label: string }> };
    expect(body.suggestions.map((item) => item.name)).toContain('Кайдарова Демо');
    expect(body.suggestions[0]?.kind_label).toBe('journalist');
  });

  it('shows the revision history with a diff and restores an earlier version', async () => {
    const id = await createActor({ name: 'History Demo Person', kind: 'blogger' });
    await postForm(t.app, `/en/editorial/actors/${id}`, monitor, {
      name: 'History Demo Person Renamed',
      kind: 'blogger',
      version: '1',
    });
    const history = await getPage(t.app, `/en/editorial/actors/${id}/history`, monitor);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('actor.update by Aigerim Monitor');
    expect(history.body).toMatch(/<ins>.*History Demo Person Renamed/s);
    const restore = /action="([^"]+\/restore)"/.exec(history.body)?.[1];
    expect(restore).toBeDefined();
    const restored = await postForm(t.app, String(restore), monitor, {});
    expect(restored.statusCode).toBe(303);
    const edit = await getPage(t.app, `/en/editorial/actors/${id}`, monitor);
    expect(inputValue(edit.body, 'name')).toBe('History Demo Person');
  });

  it('merges an actor into another found by spelling, and splits it out again (editors only)', async () => {
    const survivor = await createActor({ name: 'Toyken Demo', kind: 'journalist' });
    const merged = await createActor({ name: 'Тойкен Демо', kind: 'journalist' });

    const refused = await getPage(t.app, `/en/editorial/actors/${merged}/merge`, monitor);
    expect(refused.statusCode).toBe(403);
    const refusedPost = await postForm(t.app, `/en/editorial/actors/${merged}/merge`, monitor, {
      into: survivor,
    });
    expect(refusedPost.statusCode).toBe(403);

    const search = await getPage(t.app, `/en/editorial/actors/${merged}/merge?q=Toiken`, editor);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Merge into Toyken Demo');
    const merge = await postForm(t.app, `/en/editorial/actors/${merged}/merge`, editor, { into: survivor });
    expect(merge.statusCode).toBe(303);
    expect(merge.headers.location).toBe(`/en/editorial/actors/${survivor}?done=merged`);
    const survivorPage = await getPage(t.app, `/en/editorial/actors/${survivor}?done=merged`, editor);
    expect(survivorPage.body).toContain('Merged.');
    expect(survivorPage.body).toContain(`href="/en/editorial/actors/${merged}"`);

    const splitPage = await getPage(t.app, `/en/editorial/actors/${survivor}/split`, editor);
    expect(splitPage.body).toContain('Split Тойкен Демо out again');
    const split = await postForm(t.app, `/en/editorial/actors/${survivor}/split`, editor, { merged });
    expect(split.statusCode).toBe(303);
    const after = await getPage(t.app, `/en/editorial/actors/${merged}`, editor);
    expect(after.body).not.toContain('Merged into');
  });

  it('refuses to merge an actor into itself with the service message', async () => {
    const id = await createActor({ name: 'Self Merge Demo', kind: 'blogger' });
    const response = await postForm(t.app, `/en/editorial/actors/${id}/merge`, editor, { into: id });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('cannot be merged into itself');
  });
});
