import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPatch } from '../../src/engine/answers';
import type { Answer, Question } from '../../src/engine/types';
import { QuestionCard } from '../../src/ui/assessment/QuestionCard';
import { toggleChoice } from '../../src/ui/questions/MultipleChoiceInput';
import { fixtureQuestionnaire } from '../helpers';
import { i18n, renderWithRouter } from './render';

const questionnaire = fixtureQuestionnaire();
const byId = (id: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id) as Question;
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\u202egnp.exe';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

interface HarnessProps {
  question: Question;
  initial: Answer | undefined;
  readOnly: boolean;
  onChange: (...args: unknown[]) => void;
  onCommit: () => void;
}

/** The card as the page uses it: what it sends comes back as its answer, through the engine's applyPatch. */
function Harness({ question, initial, readOnly, onChange, onCommit }: HarnessProps) {
  const [answer, setAnswer] = useState(initial);
  return (
    <QuestionCard
      assessmentId="a1"
      readOnly={readOnly}
      files={[]}
      number="1.1"
      question={question}
      answer={answer}
      language="en"
      onChange={(patch, options) => {
        onChange(patch, options);
        setAnswer((current) => applyPatch(current, patch, '2026-12-03T10:00:00.000Z'));
      }}
      onCommit={onCommit}
    />
  );
}

function renderCard(question: Question, initial?: Answer, readOnly = false) {
  const onChange = vi.fn();
  const onCommit = vi.fn();
  renderWithRouter(
    <Harness question={question} initial={initial} readOnly={readOnly} onChange={onChange} onCommit={onCommit} />,
  );
  return Object.assign(onChange, { onCommit });
}

describe('QuestionCard', () => {
  it('labels the conformity choices with the question and saves a click at once', async () => {
    const onChange = renderCard(byId('risk-system'));
    const group = screen.getByRole('radiogroup', { name: /Risk system\?/ });
    expect(group).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Partially conform' }));
    expect(onChange).toHaveBeenCalledWith(
      { assessmentId: 'a1', questionId: 'risk-system', value: 'partial' },
      undefined,
    );
  });

  it('asks for a justification when a requirement does not apply', () => {
    renderCard(byId('risk-system'), { questionId: 'risk-system', value: 'notApplicable', updated: 'x' });
    expect(screen.getByLabelText('Why does this not apply?')).toBeInvalid();
    expect(screen.getByText('A justification is required when a requirement does not apply.')).toBeInTheDocument();
  });

  it('shows references, and help formatted when opened', async () => {
    renderCard(byId('system-description'));
    expect(screen.getByText('AI Act Annex IV(1)(a)')).toBeInTheDocument();
    await userEvent.click(screen.getByText('What this means'));
    expect((await screen.findByText('Plain')).tagName).toBe('STRONG');
  });

  it('renders hostile answers and comments as text, never as markup', () => {
    renderCard(byId('system-name'), { questionId: 'system-name', value: HOSTILE, comment: HOSTILE, updated: 'x' });
    expect(screen.getByRole('textbox', { name: /System name/ })).toHaveValue(HOSTILE);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('escapes HTML in help texts and drops javascript: links', async () => {
    const question: Question = {
      ...byId('system-description'),
      help: {
        en: `${HOSTILE} [click](javascript:alert(1)) [spec](https://eur-lex.europa.eu/eli/reg/2024/1689/oj)`,
        fr: 'x',
        de: 'x',
      },
    };
    renderCard(question);
    await userEvent.click(screen.getByText('What this means'));
    expect(await screen.findByRole('link', { name: 'spec' })).toBeInTheDocument();
    expect(document.querySelector('.help img, .help script')).toBeNull();
    expect(screen.queryByRole('link', { name: 'click' })).toBeNull();
    expect(screen.getByRole('link', { name: 'spec' })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('sends every keystroke as a batched change of its own assessment, and commits when the field is left', async () => {
    const onChange = renderCard(byId('system-name'));
    const field = screen.getByRole('textbox', { name: /System name/ });
    await userEvent.type(field, 'ab');
    expect(field).toHaveValue('ab');
    expect(onChange).toHaveBeenLastCalledWith(
      { assessmentId: 'a1', questionId: 'system-name', value: 'ab' },
      { immediate: false },
    );
    expect(onChange.onCommit).not.toHaveBeenCalled();
    await userEvent.tab();
    expect(field).not.toHaveFocus();
    expect(onChange.onCommit).toHaveBeenCalledOnce();
  });

  it('takes a date as the interface language writes it and stores it as ISO, whatever the browser locale', async () => {
    const onChange = renderCard(byId('trained-on'));
    const field = screen.getByRole('textbox', { name: /Last training/ });
    await userEvent.type(field, '31/03/2026');
    expect(onChange).toHaveBeenLastCalledWith(
      { assessmentId: 'a1', questionId: 'trained-on', value: '2026-03-31' },
      { immediate: false },
    );
    await userEvent.clear(field);
    await userEvent.type(field, '31/02/2026');
    await userEvent.tab();
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ value: '2026-02-31' }), expect.anything());
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('refuses a number outside its range with a message, and keeps the typed text', async () => {
    const onChange = renderCard(byId('staff'));
    const input = screen.getByRole('spinbutton');
    await userEvent.type(input, '-5');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number between 0 and 100,000.');
    expect(input).toHaveValue(-5);
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ value: -5 }), expect.anything());
  });
});

describe('QuestionCard of a signed assessment', () => {
  it('shows the answer and its comment but lets nothing be changed', () => {
    renderCard(
      byId('risk-system'),
      { questionId: 'risk-system', value: 'conform', comment: 'Reviewed by the board.', updated: 'x' },
      true,
    );
    expect(screen.getByRole('radio', { name: 'Conform' })).toBeChecked();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    const comment = screen.getByLabelText('Your comment (actions, owners, evidence references)');
    expect(comment).toHaveValue('Reviewed by the board.');
    expect(comment).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Clear the answer' })).toBeNull();
    expect(screen.queryByLabelText(/Attach evidence/)).toBeNull();
  });
});

describe('a carried-over answer', () => {
  it('says so and can be confirmed as it is', async () => {
    const onChange = renderCard(byId('risk-system'), {
      questionId: 'risk-system',
      value: 'conform',
      carriedOver: true,
      updated: 'x',
    });
    expect(screen.getByText(/Carried over from the previous assessment/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm this answer' }));
    expect(onChange).toHaveBeenCalledWith({ assessmentId: 'a1', questionId: 'risk-system', confirm: true }, undefined);
  });
});

describe('multiple choice', () => {
  const options = byId('uses').options ?? [];
  it('lets an exclusive option clear the others, and the others clear it', () => {
    expect(toggleChoice(options, ['biometric', 'hr'], 'none', true)).toEqual(['none']);
    expect(toggleChoice(options, ['none'], 'hr', true)).toEqual(['hr']);
    expect(toggleChoice(options, ['hr'], 'biometric', true)).toEqual(['biometric', 'hr']);
    expect(toggleChoice(options, ['biometric', 'hr'], 'hr', false)).toEqual(['biometric']);
  });
});
