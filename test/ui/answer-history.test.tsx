import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryRecord } from '../../src/engine/records';
import type { Question } from '../../src/engine/types';
import { useHistory } from '../../src/state/lifecycle';
import { AnswerHistory } from '../../src/ui/assessment/AnswerHistory';
import { fixtureQuestionnaire } from '../helpers';
import { i18n } from './render';

vi.mock('../../src/state/lifecycle', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/lifecycle')>()),
  useHistory: vi.fn(),
}));

const question = fixtureQuestionnaire()
  .sections.flatMap((s) => s.questions)
  .find((q) => q.id === 'risk-system') as Question;

const entry = (id: number, value: string, by?: HistoryRecord['by']): HistoryRecord => ({
  id,
  assessmentId: 'a1',
  questionId: 'risk-system',
  at: `2026-12-0${id}T10:00:00.000Z`,
  before: {},
  after: { value },
  ...(by ? { by } : {}),
});

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('the history of an answer', () => {
  it('says who made each change of a shared assessment, and nothing for a change made on this device', async () => {
    vi.mocked(useHistory).mockReturnValue([
      entry(2, 'conform', { id: 'p-ana', name: 'Ana Costa' }),
      entry(1, 'partial'),
    ]);
    render(<AnswerHistory assessmentId="a1" question={question} language="en" />);
    const [shared, local] = screen.getAllByRole('listitem');
    expect(shared).toHaveTextContent(/by Ana Costa: .*→ Conform/);
    expect(local).not.toHaveTextContent(/\bby\b/);

    await act(() => i18n.changeLanguage('de'));
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('von Ana Costa:');
  });
});
