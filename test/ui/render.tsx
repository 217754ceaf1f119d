import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initI18n } from '../../src/i18n';

export const i18n = initI18n();

export function renderWithRouter(ui: ReactNode, path = '/') {
  const location = memoryLocation({ path, record: true });
  return { ...render(<Router hook={location.hook}>{ui}</Router>), location };
}
