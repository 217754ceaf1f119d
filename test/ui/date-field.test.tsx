import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DateCheck } from '../../src/engine/dates';
import type { Language } from '../../src/engine/types';
import { useSession } from '../../src/state/session';
import { getAssessment } from '../../src/storage/repository';
import { DateField } from '../../src/ui/common/DateField';
import { SignOffPanel } from '../../src/ui/summary/SignOffPanel';
import { freshDatabase, seedAssessment } from '../fixtures/seed';
import { i18n, renderWithRouter } from './render';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

/** A form field as a caller uses it: a label, the field, and what it last understood. */
function Labelled({ initial, language }: { initial: string; language: Language }) {
  const [check, setCheck] = useState<DateCheck>({ ok: true, value: initial });
  return (
    <>
      <label htmlFor="d">Date</label>
      <DateField id="d" value={check.ok ? (check.value ?? '') : ''} language={language} onChange={setCheck} />
      <output>{check.ok ? String(check.value) : check.reason}</output>
    </>
  );
}

describe('the date field', () => {
  it('writes the date as the interface language does, whatever the browser locale', async () => {
    const { rerender } = render(<Labelled initial="2026-03-12" language="en" />);
    expect(screen.getByLabelText('Date')).toHaveValue('12/03/2026');
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('dd/mm/yyyy');
    await act(() => i18n.changeLanguage('de'));
    rerender(<Labelled initial="2026-03-12" language="de" />);
    expect(screen.getByLabelText('Date')).toHaveValue('12.03.2026');
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('TT.MM.JJJJ');
    await act(() => i18n.changeLanguage('fr'));
    rerender(<Labelled initial="2026-03-12" language="fr" />);
    expect(screen.getByLabelText('Date')).toHaveValue('12/03/2026');
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('jj/mm/aaaa');
  });

  it('reads what is typed into an ISO date, and shows it back in full once the field is left', async () => {
    const user = userEvent.setup();
    await act(() => i18n.changeLanguage('de'));
    render(<Labelled initial="" language="de" />);
    const field = screen.getByLabelText('Date');
    await user.type(field, '1.3.2026');
    expect(screen.getByRole('status')).toHaveTextContent('2026-03-01');
    await user.tab();
    expect(field).toHaveValue('01.03.2026');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('says clearly, once the field is left, that a date cannot be read or does not exist', async () => {
    const user = userEvent.setup();
    render(<Labelled initial="" language="en" />);
    const field = screen.getByLabelText('Date');
    await user.type(field, '03/12/26');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Write the date as dd/mm/yyyy, for example 31/03/2026.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/dd\/mm\/yyyy Write the date as/);
    await user.clear(field);
    await user.type(field, '31/02/2026');
    expect(screen.getByRole('status')).toHaveTextContent('noSuchDay');
    expect(screen.getByRole('alert')).toHaveTextContent('This day does not exist.');
    await user.clear(field);
    await user.type(field, '28/02/2026');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('2026-02-28');
  });
});

describe('the sign-off date', () => {
  it('is typed as German writes it and stored as ISO', async () => {
    const user = userEvent.setup();
    freshDatabase('ui-signoff-date');
    await act(() => useSession.getState().openStorage());
    await act(() => i18n.changeLanguage('de'));
    const assessment = await seedAssessment({ answers: { role: 'provider' } });
    renderWithRouter(<SignOffPanel assessment={assessment} />);
    await user.type(screen.getByLabelText('Funktion'), 'DSB');
    const date = screen.getByLabelText('Datum');
    expect(date).toHaveValue(
      new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()),
    );
    await user.clear(date);
    await user.type(date, '31.11.2026');
    await user.click(screen.getByRole('button', { name: /Freigeben/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Diesen Tag gibt es nicht.');
    expect(date).toHaveFocus();
    expect((await getAssessment(assessment.id))?.signOff).toBeUndefined();

    await user.clear(date);
    await user.type(date, '30.11.2026');
    await user.click(screen.getByRole('button', { name: /Freigeben/ }));
    await waitFor(async () => expect((await getAssessment(assessment.id))?.signOff?.date).toBe('2026-11-30'));
  });
});
