// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TeamAnswer } from '../../src/engine/team-document';
import { listContributors } from '../../src/report/contributors';
import { answers, fixtureQuestionnaire } from '../helpers';
import { ASSESSMENT, readBack, report } from './report-helpers';

const questionnaire = fixtureQuestionnaire();
const ANA = { id: 'p-ana', name: 'Ana Costa' };
const BEN = { id: 'p-ben', name: 'Ben Ådahl' };
const SIGNED = {
  ...ASSESSMENT,
  status: 'signed',
  signOff: {
    name: 'Marc Weber',
    role: 'Data protection officer',
    date: '2026-11-28',
    statement: 'Reviewed and approved.',
    contentHash: 'a'.repeat(64),
    signedAt: '2026-11-28T16:00:00.000Z',
  },
};
const byTeam = answers({
  role: { value: 'provider', updatedBy: BEN } as TeamAnswer,
  uses: { value: ['hr'], updatedBy: ANA } as TeamAnswer,
  staff: { value: 12, updatedBy: ANA } as TeamAnswer,
  'risk-system': 'partial',
});

/** The annex's text (its last chapter), as poppler reads it back. */
const annexOf = (text: string, title = 'Annex') => text.slice(text.lastIndexOf(`\f${title}\n`));

describe('the annex of a shared assessment', () => {
  it('lists who gave the answers, with how many each, and the validator', async () => {
    const annex = annexOf(readBack(await report(questionnaire, byTeam, 'en', SIGNED)).text());
    expect(annex).toContain('Contributors\nWho last changed each answer of this shared assessment.\n');
    expect(annex).toContain('Ana Costa 2 answers\nBen Ådahl 1 answer\n');
    expect(annex).toContain('Validator Marc Weber — Data protection officer\n');
  });

  it('says that it is not validated yet, in French and German too', async () => {
    expect(annexOf(readBack(await report(questionnaire, byTeam, 'en')).text())).toContain(
      'Validator Not validated yet.',
    );
    const fr = annexOf(readBack(await report(questionnaire, byTeam, 'fr')).text(), 'Annexe');
    expect(fr).toMatch(/Contributeurs\n[\s\S]*Ana Costa 2 réponses\n[\s\S]*Validateur Pas encore validée\./);
    const de = annexOf(readBack(await report(questionnaire, byTeam, 'de', SIGNED)).text(), 'Anhang');
    expect(de).toMatch(/Mitwirkende\n[\s\S]*Ben Ådahl 1 Antwort\n[\s\S]*Freigeber Marc Weber/);
  });

  it('is not there when no answer has an author: an assessment made on one device', async () => {
    const text = readBack(await report(questionnaire, answers({ role: 'provider', staff: 12 }), 'en', SIGNED)).text();
    expect(text).not.toContain('Contributors');
    expect(text).not.toContain('Validator');
    expect(text).toContain('Signed off by Marc Weber');
  });
});

describe('the contributors of a shared assessment', () => {
  it('are counted by person, not by name, most answers first', () => {
    const namesake = { id: 'p-ana-2', name: 'Ana Costa' };
    const given = answers({
      a: { updatedBy: namesake } as TeamAnswer,
      b: { updatedBy: BEN } as TeamAnswer,
      c: { updatedBy: BEN } as TeamAnswer,
      d: { updatedBy: ANA } as TeamAnswer,
      e: {},
    });
    expect(listContributors({ questionnaire, assessment: ASSESSMENT, answers: given })).toEqual([
      { person: BEN, answers: 2 },
      { person: ANA, answers: 1 },
      { person: namesake, answers: 1 },
    ]);
  });
});
