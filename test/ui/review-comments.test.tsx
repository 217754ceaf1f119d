import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../src/engine/format';
import type { AssessmentRecord } from '../../src/engine/records';
import type { Question } from '../../src/engine/types';
import { useCatalog } from '../../src/state/catalog';
import { useSession } from '../../src/state/session';
import { addReviewComment, type ReviewComment, type TeamView, useTeam } from '../../src/state/team';
import { App } from '../../src/ui/App';
import { QuestionCard } from '../../src/ui/assessment/QuestionCard';
import { groupByQuestion } from '../../src/ui/team/review-comments-by-question';
import { freshDatabase, seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';
import { i18n, renderWithRouter } from './render';

// No team server in component tests: the team side of an assessment is what each test says it is.
vi.mock('../../src/state/team', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/team')>()),
  useTeam: vi.fn(() => undefined),
  addReviewComment: vi.fn(async () => {}),
}));

const questionnaire = fixtureQuestionnaire();
const byId = (id: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id) as Question;
const HOSTILE = '<img src=x onerror="window.__pwned=1"> **not bold**';

const comment = (id: string, questionId: string, text: string, at = '2026-12-03T10:00:00.000Z'): ReviewComment => ({
  id,
  questionId,
  author: { id: 'p-dpo', name: 'Dana Officer' },
  role: 'reviewer',
  at,
  text,
});

function renderCard(reviewComments: readonly ReviewComment[] | undefined, mayComment = true) {
  renderWithRouter(
    <QuestionCard
      assessmentId="a1"
      readOnly={false}
      files={[]}
      number="2.1"
      question={byId('risk-system')}
      answer={undefined}
      language="en"
      onChange={() => {}}
      onCommit={() => {}}
      reviewComments={reviewComments}
      mayComment={mayComment}
    />,
  );
}

beforeEach(async () => {
  vi.mocked(addReviewComment).mockReset().mockResolvedValue(undefined);
  vi.mocked(useTeam).mockReset().mockReturnValue(undefined);
  await act(() => i18n.changeLanguage('en'));
});

describe('reviewer comments on a question card', () => {
  it('lists each comment with its author, role, date in the interface language and its text as typed', async () => {
    renderCard([comment('c1', 'risk-system', HOSTILE), comment('c2', 'risk-system', 'Cite the register.')]);
    const panel = screen.getByRole('region', { name: 'Reviewer comments' });
    expect(within(panel).getByRole('heading', { name: '2 reviewer comments' })).toBeInTheDocument();
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(`Dana Officer (reviewer), ${formatDateTime('2026-12-03T10:00:00.000Z', 'en')}`);
    expect(items[0]?.querySelector('.review-text')?.textContent).toBe(HOSTILE);
    expect(panel.querySelector('img, strong')).toBeNull();

    await act(() => i18n.changeLanguage('fr'));
    expect(within(panel).getAllByRole('listitem')[0]).toHaveTextContent('Dana Officer (relecteur),');
  });

  it('adds a comment with the text typed, then empties the field and says so', async () => {
    const user = userEvent.setup();
    renderCard([]);
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).toBeNull();
    await user.click(screen.getByText('Add a reviewer comment'));
    const field = screen.getByRole('textbox', { name: 'Your comment' });
    await user.type(field, '  Which register?  ');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(addReviewComment).toHaveBeenCalledExactlyOnceWith('a1', 'risk-system', 'Which register?');
    expect(await screen.findByRole('status')).toHaveTextContent('Comment added.');
    expect(field).toHaveValue('');
  });

  it('sends nothing for an empty comment', async () => {
    const user = userEvent.setup();
    renderCard([]);
    await user.click(screen.getByText('Add a reviewer comment'));
    await user.type(screen.getByRole('textbox', { name: 'Your comment' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(addReviewComment).not.toHaveBeenCalled();
  });

  it('keeps the text and says why when the comment is refused', async () => {
    vi.mocked(addReviewComment).mockRejectedValue(Object.assign(new Error('sealed'), { code: 'sealed' }));
    const user = userEvent.setup();
    renderCard([]);
    await user.click(screen.getByText('Add a reviewer comment'));
    await user.type(screen.getByRole('textbox', { name: 'Your comment' }), 'Too late?');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The comment was not added. This revision is already signed off.',
    );
    expect(screen.getByRole('textbox', { name: 'Your comment' })).toHaveValue('Too late?');
  });

  it('of a signed assessment are shown without a form, and a card without comments shows nothing', () => {
    renderCard([comment('c1', 'risk-system', 'Fine.')], false);
    expect(screen.getByRole('region', { name: 'Reviewer comments' })).toHaveTextContent('Fine.');
    expect(screen.queryByText('Add a reviewer comment')).toBeNull();
  });

  it('leave no trace on a signed card without comments', () => {
    renderCard([], false);
    expect(screen.queryByRole('region', { name: 'Reviewer comments' })).toBeNull();
    expect(screen.queryByText('Add a reviewer comment')).toBeNull();
  });

  it('are absent from the card of an assessment that lives on this device only', () => {
    renderCard(undefined);
    expect(screen.queryByRole('region', { name: 'Reviewer comments' })).toBeNull();
    expect(screen.queryByText('Add a reviewer comment')).toBeNull();
  });
});

describe('grouping the comments by question', () => {
  it('keeps the array of every question whose comments did not change', () => {
    const first = groupByQuestion([comment('c1', 'a', 'x'), comment('c2', 'b', 'y')], new Map());
    // The connection reads every comment anew from the document: equal comments, new objects.
    const second = groupByQuestion([comment('c1', 'a', 'x'), comment('c2', 'b', 'y'), comment('c3', 'b', 'z')], first);
    expect(second.get('a')).toBe(first.get('a'));
    expect(second.get('b')).not.toBe(first.get('b'));
    expect(second.get('b')?.map((c) => c.id)).toEqual(['c2', 'c3']);
  });
});

describe('reviewer comments on the assessment page', () => {
  beforeEach(async () => {
    freshDatabase('ui-review');
    useCatalog.setState({
      status: 'ready',
      entries: [{ source: 'all-types.json', result: { ok: true, questionnaire } }],
    });
    await act(() => useSession.getState().openStorage());
  });

  async function openRequirements(shared: (assessment: AssessmentRecord) => TeamView | undefined) {
    const assessment = await seedAssessment({ answers: { role: 'provider', uses: ['biometric'] } });
    vi.mocked(useTeam).mockImplementation((record) => (record?.id === assessment.id ? shared(record) : undefined));
    window.location.hash = `#/assessments/${assessment.id}/sections/requirements`;
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '2. Requirements' });
    return assessment;
  }

  it('go to the card of their question in a shared assessment; the other cards offer only the closed form', async () => {
    const assessment = await openRequirements((record) => ({
      link: {
        shareId: 's',
        revision: 1,
        token: 't',
        person: { id: 'p-me', name: 'Me' },
        role: 'editor',
        joined: record.created,
      },
      state: {
        status: 'synced',
        waiting: 0,
        readOnly: false,
        others: [],
        reviewComments: [comment('c1', 'risk-system', 'Cite the register.')],
      },
      mayAnswer: true,
      nextRevisionId: undefined,
    }));
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(3);
    const [risk, ...others] = cards as [HTMLElement, ...HTMLElement[]];
    expect(within(risk).getByRole('region', { name: 'Reviewer comments' })).toHaveTextContent('Cite the register.');
    for (const card of others) {
      expect(within(card).queryByRole('region', { name: 'Reviewer comments' })).toBeNull();
      expect(within(card).getByText('Add a reviewer comment')).toBeInTheDocument();
      expect(within(card).queryByRole('textbox', { name: 'Your comment' })).toBeNull();
    }
    const user = userEvent.setup();
    await user.click(within(others[0] as HTMLElement).getByText('Add a reviewer comment'));
    await user.type(within(others[0] as HTMLElement).getByRole('textbox', { name: 'Your comment' }), 'Why?');
    await user.click(within(others[0] as HTMLElement).getByRole('button', { name: 'Add comment' }));
    expect(addReviewComment).toHaveBeenCalledWith(assessment.id, expect.not.stringMatching('risk-system'), 'Why?');
  });

  it('are nowhere on the page of an assessment that is not shared', async () => {
    await openRequirements(() => undefined);
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByText('Add a reviewer comment')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Reviewer comments' })).toBeNull();
  });
});
