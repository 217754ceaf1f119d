import { type ReactNode, useState } from 'react';

/**
 * A disclosure whose content mounts only once opened (or when `open` says it must be), so that the closed panels of
 * a section's 50 cards cost nothing when the section is shown or left.
 */
export function LazyDetails({
  summary,
  className,
  open,
  children,
}: {
  summary: string;
  className: string;
  open?: boolean;
  children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} open={open} onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary>{summary}</summary>
      {(opened || open) && children()}
    </details>
  );
}
