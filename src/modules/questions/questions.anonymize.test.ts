import { describe, expect, it } from 'vitest';
import { containsSenderData, redactSenderData } from './questions.service.ts';

const sender = { sender_name: 'Айгүл Серікқызы', sender_contact: '+77011234567' };
const byEmail = { sender_name: 'Dana K', sender_contact: 'dana.k@example.test' };

describe('finding the sender in a text before it is published', () => {
  it.each([
    ['Меня зовут Айгүл, я журналист.', true],
    ['СЕРІКҚЫЗЫ написала в редакцию.', true],
    ['Позвоните: +7 (701) 123-45-67.', true],
    ['Номер 123 45 67 в тексте.', true],
    ['Журналистка из области спросила о праве на съёмку.', false],
    ['Айгүлдің сұрағы', false],
  ])('%s → %s', (text, expected) => {
    expect(containsSenderData(text, sender)).toBe(expected);
  });

  it('finds an email and its local part, but not a short name word', () => {
    expect(containsSenderData('Write to DANA.K@example.test', byEmail)).toBe(true);
    expect(containsSenderData('dana.k on Telegram', byEmail)).toBe(true);
    expect(containsSenderData('K is a letter', byEmail)).toBe(false);
    expect(containsSenderData('Dana asked', byEmail)).toBe(true);
  });

  it('redacts every occurrence when the contact data is purged', () => {
    expect(redactSenderData('Айгүл Серікқызы, +7 701 123 45 67, спрашивает Айгүл.', sender)).toBe(
      '[…] […], +7 701 […], спрашивает […].',
    );
    expect(redactSenderData('Mail dana.k@example.test or dana.k', byEmail)).toBe('Mail […] or […]');
  });

  it('finds nothing when there is nothing to find', () => {
    expect(containsSenderData('Any text', { sender_name: null, sender_contact: null })).toBe(false);
  });
});
