import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addEvidence } from '../../src/storage/evidence';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { startApp } from './render';

beforeEach(() => startApp({ database: 'ui-evidence-download' }));
afterEach(() => vi.restoreAllMocks());

describe('opening an evidence file', () => {
  it('hands it over as plain bytes, never as a page or an image the browser would run', async () => {
    const seeded = await seedAssessment();
    const hostile = '<script>alert(document.domain)</script>';
    await addEvidence(
      seeded.id,
      'role',
      Object.assign(new Blob([hostile], { type: 'text/html' }), { name: 'page.html' }),
    );
    const handed: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      handed.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    window.location.hash = `#/assessments/${seeded.id}/sections/facts`;
    const { container } = render(<App />);
    await screen.findByRole('heading', { level: 2, name: '1. Facts' });

    const user = userEvent.setup();
    const panel = container.querySelector('details.evidence-panel > summary') as HTMLElement;
    await user.click(panel);
    await user.click(await screen.findByRole('button', { name: 'page.html' }));
    await vi.waitFor(() => expect(handed).toHaveLength(1));
    expect(handed[0]?.type).toBe('application/octet-stream');
    expect(await handed[0]?.text()).toBe(hostile);
  });
});
