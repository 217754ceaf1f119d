import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { startPwa } from './pwa/start';
import { keepUnsavedChanges, useSession } from './state/session';
import { App } from './ui/App';
import './ui/styles.css';

initI18n();
keepUnsavedChanges();
void useSession.getState().openStorage();
startPwa();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
