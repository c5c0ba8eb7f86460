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

let t: EditorialTestApp;
let lawyer: Session;
let editor: Session;

beforeAll(async () => {
  t = await startEditorialApp();
  lawyer = await t.signIn('lawyer', 'Lyazzat Lawyer');
  editor = await t.signIn('editor', 'Erlan Editor');
});
afterAll(async () => t.close());

const validCase: FormFields = {
  kind: 'civil',
  subjects: ['civil_honor_dignity'],
  legal_articles: ['CIVC-143'],
  court: 'Demo district court',
  region: 'almaty_city',
  claim_non_pecuniary: '10 000 000',
  outcome: 'pending',
  'parties.0.name': 'Demo Akimat Official',
  'parties.0.kind': 'official',
  'parties.0.role': 'plaintiff',
  'parties.1.name': 'Demo Weekly Newspaper',
  'parties.1.kind': 'media_outlet',
  'parties.1.role': 'defendant',
  'events.0.date': '2018-02-05',
  'events.0.kind': 'filed',
  'title.en': 'Demo official sues a weekly for honour and dignity',
};

async function createCase(fields: FormFields = validCase): Promise<string> {
  const response = await postForm(t.app, '/en/editorial/cases', lawyer, fields);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  return decodeURIComponent(String(response.headers.location).split('/').pop()?.split('?')[0] ?? '');
}

describe('case form', () => {
  it('creates a case with parties, money and a first event, and shows it', async () => {
    const id = await createCase();
    const view = await getPage(t.app, `/en/editorial/cases/${id}?done=created`, lawyer);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Demo official sues a weekly for honour and dignity');
    expect(view.body).toContain('Demo Weekly Newspaper</a> (media outlet, defendant)');
    expect(view.body).toContain('Claimed 10,000,000 ₸');
    expect(view.body).toContain('5 February 2018');
    const list = await getPage(t.app, '/en/editorial/cases?kind=civil&month=2018-02&q=weekly', lawyer);
    expect(list.body).toContain('Demo official sues a weekly');
  });

  it('lists each problem next to its field, keeping what was typed', async () => {
    const response = await postForm(t.app, '/ru/editorial/cases', lawyer, {
      ...validCase,
      kind: '',
      claim_non_pecuniary: 'ten million',
      'parties.0.role': '',
      'events.0.date': '2018-02',
    });
    expect(response.statusCode).toBe(422);
    for (const anchor of ['#f-kind', '#f-claim_non_pecuniary', '#f-parties-0-role', '#f-events-0-date']) {
      expect(response.body).toContain(`href="${anchor}"`);
    }
    expect(response.body).toContain('Введите целое число, только цифры');
    expect(inputValue(response.body, 'claim_non_pecuniary')).toBe('ten million');
    expect(inputValue(response.body, 'parties.1.name')).toBe('Demo Weekly Newspaper');
  });

  it('shows the service refusal of a subject of another kind next to the subjects', async () => {
    const response = await postForm(t.app, '/en/editorial/cases', lawyer, {
      ...validCase,
      subjects: ['criminal_false_information'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#f-subjects"');
    expect(response.body).toContain('is a subject of criminal cases, not civil ones');
  });

  it('refuses a stale edit and keeps the input', async () => {
    const id = await createCase();
    const edit = await getPage(t.app, `/en/editorial/cases/${id}/edit`, lawyer);
    expect(inputValue(edit.body, 'parties.0.name')).toBe('Demo Akimat Official');
    const fields = { ...validCase, version: inputValue(edit.body, 'version') ?? '' };
    const first = await postForm(t.app, `/en/editorial/cases/${id}/edit`, editor, {
      ...fields,
      court: 'Appeal court demo',
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(t.app, `/en/editorial/cases/${id}/edit`, lawyer, {
      ...fields,
      court: 'My court',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('was changed by Erlan Editor');
    expect(inputValue(second.body, 'court')).toBe('My court');
  });

  it('refuses a case form without the CSRF token', async () => {
    const response = await postForm(t.app, '/en/editorial/cases', lawyer, validCase, { csrf: 'x' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form has expired');
  });
});

describe('case timeline', () => {
  it('adds, edits and removes dated events, shown in date order', async () => {
    const id = await createCase();
    const timeline = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    expect(timeline.statusCode).toBe(200);
    const version = () => inputValue(timeline.body, 'version') ?? '';

    const added = await postForm(t.app, `/en/editorial/cases/${id}/timeline`, lawyer, {
      version: version(),
      'new.date': '2018-06-20',
      'new.kind': 'decision',
      'new.instance': 'first',
      'new.outcome': 'against_media',
      'new.awarded': '2000000',
      'new.fine_mci': '20',
      'new.note.en': 'The court took the side of the official.',
    });
    expect(added.statusCode, added.body.slice(0, 1500)).toBe(303);
    const afterAdd = await getPage(t.app, `/en/editorial/cases/${id}/timeline?done=event_added`, lawyer);
    expect(afterAdd.body).toContain('Event added.');
    expect(afterAdd.body).toContain('20 June 2018</time> — decision');
    expect(afterAdd.body).toContain('awarded: 2,000,000 ₸');
    expect(afterAdd.body).toContain('fine: 20 MCI');
    expect(afterAdd.body.indexOf('5 February 2018</time>')).toBeLessThan(
      afterAdd.body.indexOf('20 June 2018</time>'),
    );

    const earlier = await postForm(t.app, `/en/editorial/cases/${id}/timeline`, lawyer, {
      version: inputValue(afterAdd.body, 'version') ?? '',
      'new.date': '2018-03-01',
      'new.kind': 'hearing',
    });
    expect(earlier.statusCode).toBe(303);
    const three = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    const dates = [...three.body.matchAll(/<time datetime="([\d-]+)">/g)].map((match) => match[1]);
    expect(dates).toEqual(['2018-02-05', '2018-03-01', '2018-06-20']);

    const edited = await postForm(t.app, `/en/editorial/cases/${id}/timeline/2`, lawyer, {
      version: inputValue(three.body, 'version') ?? '',
      'events.2.date': '2018-06-21',
      'events.2.kind': 'decision',
      'events.2.instance': 'first',
      'events.2.outcome': 'partial',
      'events.2.awarded': '500000',
    });
    expect(edited.statusCode).toBe(303);
    const afterEdit = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    expect(afterEdit.body).toContain('21 June 2018</time> — decision');
    expect(afterEdit.body).toContain('partly satisfied');
    expect(afterEdit.body).not.toContain('fine: 20 MCI');

    const removed = await postForm(t.app, `/en/editorial/cases/${id}/timeline/1/remove`, lawyer, {
      version: inputValue(afterEdit.body, 'version') ?? '',
    });
    expect(removed.statusCode).toBe(303);
    const afterRemove = await getPage(t.app, `/en/editorial/cases/${id}`, lawyer);
    expect(afterRemove.body).not.toContain('1 March 2018');
    expect(afterRemove.body).toContain('awarded 500,000 ₸');
  });

  it('records a requalification and refuses articles on other events', async () => {
    const id = await createCase({
      ...validCase,
      kind: 'criminal',
      subjects: ['criminal_false_denunciation'],
      legal_articles: ['CC-419'],
    });
    const timeline = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    const refused = await postForm(t.app, `/en/editorial/cases/${id}/timeline`, lawyer, {
      version: inputValue(timeline.body, 'version') ?? '',
      'new.date': '2018-04-02',
      'new.kind': 'hearing',
      'new.articles': ['CC-274'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-new-articles"');
    expect(refused.body).toContain('Add an event, Requalified to articles');
    expect(refused.body).toMatch(/id="f-new-articles-CC-274"[^>]*checked/);
    const requalified = await postForm(t.app, `/en/editorial/cases/${id}/timeline`, lawyer, {
      version: inputValue(timeline.body, 'version') ?? '',
      'new.date': '2018-04-02',
      'new.kind': 'requalified',
      'new.articles': ['CC-274'],
    });
    expect(requalified.statusCode).toBe(303);
    const view = await getPage(t.app, `/en/editorial/cases/${id}`, lawyer);
    expect(view.body).toContain('5 February 2018: CC 419 → 2 April 2018: CC 274');

    const timelineNow = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    const badEdit = await postForm(t.app, `/en/editorial/cases/${id}/timeline/1`, lawyer, {
      version: inputValue(timelineNow.body, 'version') ?? '',
      'events.1.date': '2 April',
      'events.1.kind': 'requalified',
      'events.1.articles': ['CC-274'],
    });
    expect(badEdit.statusCode).toBe(422);
    expect(badEdit.body).toContain('Enter a day as 2024-05-13');
    expect(badEdit.body).toMatch(/<details open[^>]*><summary>Edit the event of 2 April 2018/);
    expect(inputValue(badEdit.body, 'events.1.date')).toBe('2 April');
  });

  it('refuses a stale timeline change', async () => {
    const id = await createCase();
    const timeline = await getPage(t.app, `/en/editorial/cases/${id}/timeline`, lawyer);
    const version = inputValue(timeline.body, 'version') ?? '';
    const event = { version, 'new.date': '2019-01-10', 'new.kind': 'hearing' };
    expect((await postForm(t.app, `/en/editorial/cases/${id}/timeline`, editor, event)).statusCode).toBe(303);
    const stale = await postForm(t.app, `/en/editorial/cases/${id}/timeline`, lawyer, {
      ...event,
      'new.date': '2019-01-11',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this record');
  });

  it('is submitted by a lawyer who wrote it and published by an editor', async () => {
    const id = await createCase();
    const view = await getPage(t.app, `/en/editorial/cases/${id}`, lawyer);
    expect(view.body).toContain('>Submit for review</button>');
    expect(view.body).not.toContain('>Publish</button>');
    const publishTooEarly = await postForm(t.app, `/en/editorial/cases/${id}/status`, editor, {
      action: 'publish',
    });
    expect(publishTooEarly.statusCode).toBe(409);
    expect(publishTooEarly.body).toContain('cannot publish a record whose status is draft');
  });

  it('is withdrawn from review by the lawyer who submitted it (the step every page offers)', async () => {
    const id = await createCase();
    const submitted = await postForm(t.app, `/en/editorial/cases/${id}/status`, lawyer, { action: 'submit' });
    expect(submitted.statusCode, submitted.body.slice(0, 500)).toBe(303);
    const inReview = await getPage(t.app, `/en/editorial/cases/${id}`, lawyer);
    expect(inReview.body).toContain('>Withdraw from review</button>');
    const withdrawn = await postForm(t.app, `/en/editorial/cases/${id}/status`, lawyer, {
      action: 'withdraw',
    });
    expect(withdrawn.statusCode, withdrawn.body.slice(0, 500)).toBe(303);
    const draft = await getPage(t.app, `/en/editorial/cases/${id}`, lawyer);
    expect(draft.body).toContain('>Submit for review</button>');
  });
});
