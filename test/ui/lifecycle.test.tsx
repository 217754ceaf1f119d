import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/engine/types';
import { listAnswers } from '../../src/storage/repository';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';
import { offerQuestionnaires, startApp } from './render';

const v1 = fixtureQuestionnaire();
function nextVersion(): Questionnaire {
  const v2 = structuredClone(v1);
  v2.version = '1.3.0';
  const facts = v2.sections[0]!;
  facts.questions = facts.questions.filter((q) => q.id !== 'trained-on');
  facts.questions.push({
    ...structuredClone(facts.questions[4]!),
    id: 'system-owner',
    text: { en: 'Owner?', fr: 'Responsable ?', de: 'Verantwortlich?' },
  });
  return v2;
}

const seed = () => seedAssessment({ title: 'Triage review', answers: { role: 'provider' } });

beforeEach(() => startApp({ questionnaires: [v1], database: 'ui-lifecycle' }));

describe('assessment lifecycle on the home screen', () => {
  it('deletes after confirmation, and undo brings it back', async () => {
    const user = userEvent.setup();
    await seed();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(
      screen.getByText('Delete “Triage review” with all its answers, history and evidence files?'),
    ).toBeInTheDocument();
    await user.click(
      within(screen.getByRole('group', { name: 'Confirm the deletion of Triage review' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByText('“Triage review” was deleted.')).toBeInTheDocument();
    // The list follows the database through its live query, a moment after the message.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Triage review' })).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Triage review' })).toBeInTheDocument();
  });

  it('renames and archives', async () => {
    const user = userEvent.setup();
    await seed();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('New title');
    await user.clear(input);
    await user.type(input, 'Triage review 2026');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('link', { name: 'Triage review 2026' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Archived (1)')).toBeInTheDocument();
    expect(screen.getByText('No assessment yet. Start one from a questionnaire.')).toBeInTheDocument();
  });

  it('re-assesses: the copy opens with carried-over answers to confirm', async () => {
    const user = userEvent.setup();
    await seed();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Re-assess (copy the answers)' }));
    const role = await screen.findByRole('article', { name: /Your role\?/ });
    expect(within(role).getByRole('radio', { name: 'Provider' })).toBeChecked();
    expect(within(role).getByText(/Carried over from the previous assessment/)).toBeInTheDocument();
    await user.click(within(role).getByRole('button', { name: 'Confirm this answer' }));
    await waitFor(() => expect(within(role).queryByText(/Carried over/)).toBeNull());
  });
});

describe('sign-off', () => {
  it('makes the assessment read-only with its hash shown, and reopening starts revision 2', async () => {
    const user = userEvent.setup();
    const record = await seed();
    window.location.hash = `#/assessments/${record.id}/summary`;
    render(<App />);
    await user.type(await screen.findByLabelText('Role'), 'DPO');
    await user.click(screen.getByRole('button', { name: 'Sign off and make read-only' }));
    expect(await screen.findByText(/Signed off by A\. Martin \(DPO\)/)).toBeInTheDocument();
    // The content fingerprint, and the fingerprint of the key that signed the sign-off on this device.
    await waitFor(() => expect(screen.getAllByText(/^[0-9a-f]{64}$/)).toHaveLength(2));
    expect(screen.getByText(/Signing key fingerprint \(SHA-256\)/)).toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: /Facts/ }));
    expect(await screen.findByText('This assessment is signed off and read-only.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Provider' })).toBeDisabled();

    await user.click(
      within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Summary' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Reopen as revision 2' }));
    const role = await screen.findByRole('article', { name: /Your role\?/ });
    expect(within(role).getByRole('radio', { name: 'Provider' })).toBeEnabled();
    expect(within(role).getByRole('radio', { name: 'Provider' })).toBeChecked();
  });
});

describe('questionnaire versions', () => {
  it('offers a newer version, lists what changes, and moves the assessment keeping answers by id', async () => {
    const user = userEvent.setup();
    const record = await seed();
    offerQuestionnaires(v1, nextVersion());
    window.location.hash = `#/assessments/${record.id}`;
    render(<App />);
    expect(
      await screen.findByText('Version 1.3.0 of this questionnaire is available (this assessment uses 1.2.0).'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review the changes' }));
    expect(screen.getByText('1 new question')).toBeInTheDocument();
    expect(screen.getByText('Owner?')).toBeInTheDocument();
    expect(screen.getByText(/1 question removed/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move this assessment to version 1.3.0' }));
    expect(await screen.findByRole('article', { name: /Owner\?/ })).toBeInTheDocument();
    expect(screen.queryByText(/Version 1\.3\.0 of this questionnaire is available/)).toBeNull();
    expect((await listAnswers(record.id)).map((a) => a.value)).toEqual(['provider']);
  });

  it('offers the shipped version when the pinned one is gone', async () => {
    const record = await seed();
    offerQuestionnaires(nextVersion());
    window.location.hash = `#/assessments/${record.id}`;
    render(<App />);
    expect(
      await screen.findByText(
        /This assessment uses version 1\.2\.0 of its questionnaire, which this version of Conformo no longer ships/,
      ),
    ).toBeInTheDocument();
  });
});
