import { lazy, Suspense, useState } from 'react';

// markdown-it and its entity tables are a third of the app's code: load them when a user first opens a help text.
const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

/** A disclosure whose Markdown body is parsed only once it is opened. */
export function MarkdownDetails({
  summary,
  source,
  className,
}: {
  summary: string;
  source: string;
  className: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary>{summary}</summary>
      {opened && (
        <Suspense fallback={<p className="markdown">{source}</p>}>
          <Markdown source={source} className="markdown" />
        </Suspense>
      )}
    </details>
  );
}
