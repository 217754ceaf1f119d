import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/engine/load';
import { useSession } from '../../src/state/session';
import { App } from '../../src/ui/App';
import { QuestionnaireErrors } from '../../src/ui/home/QuestionnaireErrors';
import { ROOT } from '../helpers';
import { i18n, renderWithRouter, startApp } from './render';

beforeEach(() => startApp({ database: 'ui-app' }));

describe('the app', () => {
  it('starts an assessment, saves an answer and says so, and shows it in the summary', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Title of the assessment'), 'Triage review');
    await user.type(screen.getByLabelText('Organisation'), 'Hôpital du Nord');
    await user.click(screen.getByRole('button', { name: 'Start the assessment' }));

    expect(await screen.findByRole('heading', { level: 2, name: '1. Facts' })).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Provider' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All changes saved on this device'));

    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: /Facts 1 of 6/ })).toHaveAttribute('aria-current', 'page');
    await user.click(within(nav).getByRole('link', { name: /Requirements/ }));
    const risk = await screen.findByRole('article', { name: /Risk system\?/ });
    await user.click(within(risk).getByRole('radio', { name: 'Not conform' }));
    await user.click(within(nav).getByRole('link', { name: 'Summary' }));

    expect(await screen.findByRole('heading', { name: '1 gap' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Risk system?' })).toBeInTheDocument();
    expect(screen.getByText('Minimal')).toBeInTheDocument();
  });

  it('switches interface and content to French and German', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Start the assessment' }));
    await screen.findByRole('heading', { level: 2, name: '1. Facts' });
    await user.selectOptions(screen.getByLabelText('Language'), 'fr');
    expect(await screen.findByRole('heading', { level: 2, name: '1. Faits' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: /Votre rôle/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    await user.selectOptions(screen.getByLabelText('Langue'), 'de');
    expect(await screen.findByRole('heading', { level: 2, name: '1. Fakten' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Anbieter' })).toBeInTheDocument();
    expect(localStorage.getItem('conformo.language')).toBe('de');
  });

  it('shows a clear message when storage cannot be used', async () => {
    useSession.setState({ storage: 'unavailable' });
    render(<App />);
    expect(screen.getByRole('alert')).toHaveTextContent('This browser does not allow storage here');
  });
});

describe('a broken questionnaire', () => {
  it('is listed with its errors, located and in the user language, instead of breaking the app', async () => {
    await act(() => i18n.changeLanguage('fr'));
    const text = readFileSync(join(ROOT, 'test/fixtures/questionnaires/broken.json'), 'utf8');
    renderWithRouter(<QuestionnaireErrors entries={[{ source: 'broken.json', result: parseQuestionnaire(text) }]} />);
    expect(screen.getByRole('heading', { name: '1 questionnaire n’a pas pu être chargé' })).toBeInTheDocument();
    expect(screen.getByText('/sections/0/questions/1/options/1/label/fr')).toBeInTheDocument();
    expect(screen.getByText(/La traduction fr est vide/)).toBeInTheDocument();
  });
});
