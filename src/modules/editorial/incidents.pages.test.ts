import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditorialTestApp,
  type FormFields,
  getPage,
  inputValue,
  postForm,
  type Session,
  startEditorialApp,
} from '../../../test/editorial.ts';
import { insertCase } from '../../../test/factories.ts';

let t: EditorialTestApp;
let monitor: Session;
let editor: Session;
let lawyer: Session;

beforeAll(async () => {
  t = await startEditorialApp();
  monitor = await t.signIn('monitor', 'Dana Monitor');
  editor = await t.signIn('editor', 'Erlan Editor');
  lawyer = await t.signIn('lawyer');
});
afterAll(async () => t.close());

const validIncident: FormFields = {
  date: '2024-05-13',
  region: 'almaty_city',
  locality: 'Almaty',
  categories: ['obstruction', 'detention'],
  'victims.0.name': 'Demo Reporter Sapargali',
  'victims.0.kind': 'journalist',
  'victims.1.name': 'Hidden Demo Witness',
  'victims.1.kind': 'citizen',
  'victims.1.anonymous': true,
  'victims.2.name': '',
  'perpetrators.0.name': 'Demo District Police',
  'perpetrators.0.kind': 'police',
  legal_articles: ['CC-158'],
  'sources.0.url': 'https://example.org/news/1',
  'sources.0.outlet': 'Demo Outlet',
  'sources.1.url': '',
  'title.en': 'Police stopped a demo reporter at a court hearing',
  'title.ru': 'Полиция задержала демо-репортёра у здания суда',
  'summary.en': 'A reporter was held for three hours.',
  visibility: 'public',
  correspondent: 'Private Correspondent Demo',
  editorial_note: 'Check the second source.',
};

async function createIncident(session: Session, fields: FormFields = validIncident): Promise<string> {
  const response = await postForm(t.app, '/en/editorial/incidents', session, fields);
  expect(response.statusCode, response.body.slice(0, 3000)).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(/\/en\/editorial\/incidents\/[^/?]+\?done=created$/);
  return decodeURIComponent(location.split('/').pop()?.split('?')[0] ?? '');
}

describe('incident form', () => {
  it('offers categories by taxonomy group, regions and legal articles', async () => {
    const response = await getPage(t.app, '/ru/editorial/incidents/new', monitor);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Нарушения прав журналистов, СМИ и ньюсмейкеров</legend>');
    expect(response.body).toContain('value="obstruction"');
    expect(response.body).not.toContain('value="civil_honor_dignity"');
    expect(response.body).toContain('<option value="almaty_city">Алматы</option>');
    expect(response.body).toContain('УК 174');
    expect(response.body).toContain('data-suggest="/ru/editorial/actors/suggest"');
  });

  it('creates an incident with victims, perpetrators and sources, and shows it', async () => {
    const id = await createIncident(monitor);
    const view = await getPage(t.app, `/en/editorial/incidents/${id}?done=created`, monitor);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Created.');
    expect(view.body).toContain('Police stopped a demo reporter at a court hearing');
    expect(view.body).toContain('Hidden Demo Witness</a> (citizen; anonymous)');
    expect(view.body).toContain('Demo District Police');
    expect(view.body).toContain('Private Correspondent Demo');
    expect(view.body).toContain('>Submit for review</button>');
    expect(view.body).not.toContain('>Publish</button>');

    const edit = await getPage(t.app, `/en/editorial/incidents/${id}/edit`, monitor);
    expect(inputValue(edit.body, 'victims.1.name')).toBe('Hidden Demo Witness');
    expect(edit.body).toMatch(/name="victims\.1\.anonymous"[^>]*checked/);
    expect(inputValue(edit.body, 'version')).toBe('1');
    expect(inputValue(edit.body, 'victims.0.actor_id')).toMatch(/^actor-/);
  });

  it('lists every problem next to its field and keeps what was typed', async () => {
    const response = await postForm(t.app, '/en/editorial/incidents', monitor, {
      date: '2024-13-45',
      'victims.0.name': 'Nameless Kind Demo',
      'sources.0.url': 'not a url',
      'summary.ru': 'Сохранённый текст',
    });
    expect(response.statusCode).toBe(422);
    const body = response.body;
    expect(body).toContain('<title>Error: New incident');
    for (const anchor of ['#f-date', '#f-categories', '#f-title', '#f-victims-0-kind', '#f-sources-0-url']) {
      expect(body).toContain(`href="${anchor}"`);
    }
    expect(body).toContain('Victim 1, Kind');
    expect(body).toMatch(/id="f-date"[^>]*aria-invalid="true"/);
    expect(body).toMatch(/aria-describedby="[^"]*f-date-error/);
    expect(inputValue(body, 'date')).toBe('2024-13-45');
    expect(inputValue(body, 'victims.0.name')).toBe('Nameless Kind Demo');
    expect(inputValue(body, 'summary.ru')).toBe('Сохранённый текст');
  });

  it('adds a blank row without JavaScript and without saving', async () => {
    const response = await postForm(t.app, '/en/editorial/incidents', monitor, {
      ...validIncident,
      '_rows.victims': '3',
      _add: 'victims',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('name="victims.3.name"');
    expect(response.body).toMatch(/name="victims\.3\.name"[^>]*autofocus/);
    expect(response.body).not.toMatch(/name="victims\.2\.name"[^>]*autofocus/);
    expect(inputValue(response.body, 'victims.1.name')).toBe('Hidden Demo Witness');
  });

  it("shows a service refusal in the reader's language: Kazakh and Russian editors see no English", async () => {
    // Abai region exists from 2022: the service refuses it on a 2019 date, naming the region field.
    const refused = { ...validIncident, date: '2019-03-05', region: 'abai' };
    const kk = await postForm(t.app, '/kk/editorial/incidents', monitor, refused);
    expect(kk.statusCode).toBe(422);
    expect(kk.body).toContain('«abai» өңірі 2019-03-05 күні әлі болмаған');
    expect(kk.body).toMatch(/id="f-region-error"/);
    expect(kk.body).not.toContain('did not exist yet');
    const ru = await postForm(t.app, '/ru/editorial/incidents', monitor, refused);
    expect(ru.statusCode).toBe(422);
    expect(ru.body).toContain('региона «abai» ещё не было на 2019-03-05');
    expect(ru.body).not.toContain('did not exist yet');
    const en = await postForm(t.app, '/en/editorial/incidents', monitor, refused);
    expect(en.body).toContain('region &quot;abai&quot; did not exist yet on 2019-03-05');
  });

  it('refuses a stale version with the service message and keeps the input', async () => {
    const id = await createIncident(monitor);
    const edit = await getPage(t.app, `/en/editorial/incidents/${id}/edit`, monitor);
    const version = inputValue(edit.body, 'version') ?? '';
    const first = await postForm(t.app, `/en/editorial/incidents/${id}/edit`, editor, {
      ...validIncident,
      'title.en': 'Edited by the editor first',
      version,
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(t.app, `/en/editorial/incidents/${id}/edit`, monitor, {
      ...validIncident,
      'title.en': 'My later edit',
      version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('was changed by Erlan Editor');
    expect(second.body).toContain('Someone else saved this record');
    expect(inputValue(second.body, 'title.en')).toBe('My later edit');
    const view = await getPage(t.app, `/en/editorial/incidents/${id}`, monitor);
    expect(view.body).toContain('Edited by the editor first');
  });

  it('refuses a form without the session CSRF token and saves nothing', async () => {
    const before = await getPage(t.app, '/en/editorial/incidents?q=CSRF+probe', monitor);
    const response = await postForm(
      t.app,
      '/en/editorial/incidents',
      monitor,
      { ...validIncident, 'title.en': 'CSRF probe demo' },
      { csrf: null },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form has expired');
    expect(inputValue(response.body, 'title.en')).toBe('CSRF probe demo');
    const after = await getPage(t.app, '/en/editorial/incidents?q=CSRF+probe', monitor);
    expect(after.body).toContain('Nothing matches these filters.');
    expect(before.body).toContain('Nothing matches these filters.');
  });

  it('refuses a lawyer the incident pages', async () => {
    const list = await getPage(t.app, '/en/editorial/incidents', lawyer);
    expect(list.statusCode).toBe(403);
    const post = await postForm(t.app, '/en/editorial/incidents', lawyer, validIncident);
    expect(post.statusCode).toBe(403);
  });

  it('sends a POST without a session to the login page and saves nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/en/editorial/incidents',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({
        date: '2024-05-13',
        categories: 'threat',
        'title.en': 'Anonymous post demo',
      }).toString(),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/login?next=%2Fen%2Feditorial');
    const list = await getPage(t.app, '/en/editorial/incidents?q=Anonymous+post+demo', monitor);
    expect(list.body).toContain('Nothing matches these filters.');
  });
});

describe('incident workflow, list and links', () => {
  it('is submitted by its author and published by an editor, then found in the list', async () => {
    const id = await createIncident(monitor, { ...validIncident, 'title.en': 'Workflow demo incident' });
    const submit = await postForm(t.app, `/en/editorial/incidents/${id}/status`, monitor, {
      action: 'submit',
    });
    expect(submit.statusCode).toBe(303);
    const afterSubmit = await getPage(t.app, `/en/editorial/incidents/${id}?done=status`, monitor);
    expect(afterSubmit.body).toContain('Done: the record is now in review.');

    const monitorPublish = await postForm(t.app, `/en/editorial/incidents/${id}/status`, monitor, {
      action: 'publish',
    });
    expect(monitorPublish.statusCode).toBe(403);

    const editorView = await getPage(t.app, `/en/editorial/incidents/${id}`, editor);
    expect(editorView.body).toContain('>Publish</button>');
    expect(editorView.body).toContain('>Return to the author</button>');
    const publish = await postForm(t.app, `/en/editorial/incidents/${id}/status`, editor, {
      action: 'publish',
    });
    expect(publish.statusCode).toBe(303);

    const list = await getPage(
      t.app,
      '/en/editorial/incidents?status=published&month=2024-05&region=almaty_city&category=obstruction',
      editor,
    );
    expect(list.body).toContain('Workflow demo incident');
    const drafts = await getPage(t.app, '/en/editorial/incidents?status=draft&q=Workflow+demo', editor);
    expect(drafts.body).not.toContain('Workflow demo incident');
  });

  it('pages through a long list keeping the filters', async () => {
    const list = await getPage(t.app, '/en/editorial/incidents?q=demo&page=1', monitor);
    expect(list.statusCode).toBe(200);
    const badPage = await getPage(t.app, '/en/editorial/incidents?page=zero&month=nonsense', monitor);
    expect(badPage.statusCode).toBe(200);
  });

  it('links an incident to a case and to another incident found by title, and unlinks', async () => {
    const caseId = await insertCase(t.database.db, {
      title: { en: 'Demo honour and dignity claim' },
      status: 'draft',
    });
    const first = await createIncident(monitor, { ...validIncident, 'title.en': 'Link source demo' });
    const second = await createIncident(monitor, { ...validIncident, 'title.en': 'Link target demo' });

    const search = await getPage(t.app, `/en/editorial/incidents/${first}/links?q=Demo+honour`, monitor);
    expect(search.body).toContain(`Link case ${caseId}`);
    const linkCase = await postForm(t.app, `/en/editorial/incidents/${first}/links`, monitor, {
      case_id: caseId,
    });
    expect(linkCase.statusCode).toBe(303);
    const linkIncident = await postForm(t.app, `/en/editorial/incidents/${first}/links`, monitor, {
      incident_id: second,
    });
    expect(linkIncident.statusCode).toBe(303);

    const view = await getPage(t.app, `/en/editorial/incidents/${first}`, monitor);
    expect(view.body).toContain('Demo honour and dignity claim');
    expect(view.body).toContain('Link target demo');
    const back = await getPage(t.app, `/en/editorial/incidents/${second}`, monitor);
    expect(back.body).toContain('Link source demo');

    const unlink = await postForm(t.app, `/en/editorial/incidents/${first}/links/remove`, monitor, {
      case_id: caseId,
    });
    expect(unlink.statusCode).toBe(303);
    const after = await getPage(t.app, `/en/editorial/incidents/${first}/links`, monitor);
    expect(after.body).not.toContain(`Remove the link to ${caseId}`);
    expect(after.body).toContain(`Remove the link to ${second}`);
  });

  it('shows the history with diffs and restores an earlier version', async () => {
    const id = await createIncident(monitor, { ...validIncident, 'title.en': 'Original history title' });
    await postForm(t.app, `/en/editorial/incidents/${id}/edit`, monitor, {
      ...validIncident,
      'title.en': 'Changed history title',
      version: '1',
    });
    const history = await getPage(t.app, `/en/editorial/incidents/${id}/history`, monitor);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('incident.update by Dana Monitor');
    expect(history.body).toMatch(/<del>.*Original history title/s);
    expect(history.body).toMatch(/<ins>.*Changed history title/s);
    const restore = /action="([^"]+\/restore)"/.exec(history.body)?.[1];
    const restored = await postForm(t.app, String(restore), monitor, {});
    expect(restored.statusCode).toBe(303);
    const view = await getPage(t.app, `/en/editorial/incidents/${id}`, monitor);
    expect(view.body).toContain('Original history title');
  });
});
