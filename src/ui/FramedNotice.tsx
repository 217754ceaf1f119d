import { useTranslation } from 'react-i18next';

/**
 * Shown instead of the app when a page puts Conformo in a frame: a page of another site could lay its own buttons
 * over ours (clickjacking) and have a user sign off or erase without knowing. A meta tag cannot send
 * `frame-ancestors`, so the app refuses by itself; deployers should still send the header (SECURITY.md).
 */
export function FramedNotice() {
  const { t } = useTranslation();
  return (
    <main id="main" className="framed">
      <h1>Conformo</h1>
      <p role="alert">{t('framed.text')}</p>
      <a href={window.location.href} target="_blank" rel="noopener noreferrer">
        {t('framed.open')}
      </a>
    </main>
  );
}

/** Inside any frame; a cross-origin parent still allows this comparison. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}
