import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useSession } from '../state/session';
import { HomePage } from './home/HomePage';
import { LanguageSwitcher } from './LanguageSwitcher';
import { StoragePanel } from './pwa/StoragePanel';
import { UpdateBanner } from './pwa/UpdateBanner';
import { SaveIndicator } from './SaveIndicator';

// Only the home screen is on the first page; the others load when first visited (and are precached for offline).
const AssessmentPage = lazy(() => import('./assessment/AssessmentPage').then((m) => ({ default: m.AssessmentPage })));
const SummaryPage = lazy(() => import('./summary/SummaryPage').then((m) => ({ default: m.SummaryPage })));
const JoinPage = lazy(() => import('./team/JoinPage').then((m) => ({ default: m.JoinPage })));
const PrivacyPage = lazy(() => import('./privacy/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));

function StorageGate({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const storage = useSession((s) => s.storage);
  if (storage === 'opening') return <p role="status">{t('common.loading')}</p>;
  if (storage !== 'ready') {
    return (
      <div className="notice error" role="alert">
        <h2>{t('storage.cannotOpen')}</h2>
        <p>{t(`storage.${storage}`)}</p>
        {(storage === 'erasedElsewhere' || storage === 'upgradedElsewhere') && (
          <button type="button" onClick={() => window.location.reload()}>
            {t('storage.reload')}
          </button>
        )}
      </div>
    );
  }
  return <>{children}</>;
}

export function App() {
  const { t } = useTranslation();
  return (
    <Router hook={useHashLocation}>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <header className="app-header">
        <h1>
          <Link href="/">Conformo</Link>
        </h1>
        <p className="tagline">{t('app.tagline')}</p>
        <SaveIndicator />
        <LanguageSwitcher />
      </header>
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Switch>
            {/* Reachable even when storage cannot be opened: erasing must always be possible. */}
            <Route path="/privacy">
              <PrivacyPage />
            </Route>
            <Route>
              <StorageGate>
                <Switch>
                  <Route path="/">
                    <HomePage />
                  </Route>
                  {/* An invitation's token is a JWT: the whole rest of the address, dots included. */}
                  <Route path="/join/*">{(p) => <JoinPage key={p['*']} token={p['*']} />}</Route>
                  <Route path="/assessments/:id/summary">{(p) => <SummaryPage key={p.id} assessmentId={p.id} />}</Route>
                  {/* Keyed by assessment: nothing on screen (a card, a draft, a handler) outlives a move to another. */}
                  <Route path="/assessments/:id/sections/:sectionId">
                    {(p) => <AssessmentPage key={p.id} assessmentId={p.id} sectionId={p.sectionId} />}
                  </Route>
                  <Route path="/assessments/:id">{(p) => <AssessmentPage key={p.id} assessmentId={p.id} />}</Route>
                  <Route>
                    <p>{t('app.notFound')}</p>
                  </Route>
                </Switch>
              </StorageGate>
            </Route>
          </Switch>
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>
          {t('app.privacy')} <Link href="/privacy">{t('privacy.link')}</Link>
        </p>
        <StoragePanel />
      </footer>
    </Router>
  );
}
