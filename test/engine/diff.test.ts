import { describe, expect, it } from 'vitest';
import { diffQuestionnaires } from '../../src/engine/diff';
import { fixtureQuestionnaire } from '../helpers';

describe('questionnaire versions', () => {
  it('lists new, removed and changed questions by id; help edits are not a change', () => {
    const from = fixtureQuestionnaire();
    const to = structuredClone(from);
    to.version = '1.3.0';
    const [facts, requirements] = to.sections;
    if (!facts || !requirements) throw new Error('fixture changed');
    facts.questions = facts.questions.filter((q) => q.id !== 'staff');
    requirements.questions.push({ ...structuredClone(requirements.questions[0]!), id: 'new-requirement' });
    requirements.questions[0]!.text.en = 'Is a risk management system established, implemented and documented?';
    facts.questions.find((q) => q.id === 'system-description')!.help = { en: 'New help', fr: 'Aide', de: 'Hilfe' };
    const diff = diffQuestionnaires(from, to);
    expect(diff.added.map((q) => q.id)).toEqual(['new-requirement']);
    expect(diff.removed.map((q) => q.id)).toEqual(['staff']);
    expect(diff.changed.map((q) => q.id)).toEqual(['risk-system']);
  });
});
