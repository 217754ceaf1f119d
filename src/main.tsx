import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { startPwa } from './pwa/start';
import { keepUnsavedChanges, useSession } from './state/session';
import { App } from './ui/App';
import { allowOwnScriptUrls } from './ui/common/trusted-types';
import { FramedNotice, isFramed } from './ui/FramedNotice';
import './ui/styles.css';

allowOwnScriptUrls();
initI18n();
const framed = isFramed();
if (!framed) {
  keepUnsavedChanges();
  void useSession.getState().openStorage();
  startPwa();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode>{framed ? <FramedNotice /> : <App />}</StrictMode>);
