import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { computeVisibility } from '../../src/engine/progress';
import { SectionFigures } from '../../src/ui/summary/SectionFigures';
import { answers, fixtureQuestionnaire } from '../helpers';
import { i18n } from './render';

const questionnaire = fixtureQuestionnaire();
const given = answers({
  role: 'provider',
  uses: ['biometric'],
  'risk-system': 'conform',
  'biometric-logs': 'partial',
  'data-governance': 'nonConform',
});

function figures() {
  return render(
    <Router hook={memoryLocation({ path: '/' }).hook}>
      <SectionFigures
        assessmentId="a1"
        questionnaire={questionnaire}
        answers={given}
        visibility={computeVisibility(questionnaire, given)}
        language="en"
      />
    </Router>,
  );
}

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('conformity by section on the summary', () => {
  it('is a table, and beside it a chart with the same figures that assistive technology skips', () => {
    const { container } = figures();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const table = rows.map((row) => within(row).getAllByRole('cell').at(-1)?.textContent);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['1. Facts', '2. Requirements']);

    const chart = container.querySelector('figure.conformity-chart');
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    const bars = [...(chart?.querySelectorAll('g[data-section]') ?? [])];
    expect(bars.map((g) => g.querySelector('.chart-label')?.textContent)).toEqual(['1', '2']);
    const values = bars.map((g) => g.querySelector('.chart-value')?.textContent);
    expect(values[1]).toBe(table[1]);
    // A section without any conformity question has no score: the table says so, the chart draws no bar.
    expect(table[0]).toBe('not assessed');
    expect(values[0]).toBe('—');
    expect(bars[0]?.querySelectorAll('rect')).toHaveLength(1);
  });

  it('draws each bar as long as the section’s score, coloured as the report does', () => {
    const { container } = figures();
    const bar = container.querySelector('g[data-section="requirements"] rect:not(.chart-track)');
    const track = container.querySelector('g[data-section="requirements"] rect.chart-track');
    const value = container.querySelector('g[data-section="requirements"] .chart-value')?.textContent ?? '';
    const ratio = Number(bar?.getAttribute('width')) / Number(track?.getAttribute('width'));
    expect(Math.round(ratio * 100)).toBe(Number.parseInt(value, 10));
    expect(bar?.getAttribute('fill')).toBe(ratio >= 0.8 ? 'var(--ok)' : ratio >= 0.5 ? 'var(--warn)' : 'var(--bad)');
  });
});
