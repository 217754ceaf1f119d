import { useEffect, useRef, useState } from 'react';

/**
 * The text a user is typing, kept locally so each keystroke does not wait for the database; it follows the stored
 * value (another tab, a reload) whenever the field is not being edited.
 */
export function useDraft(stored: string) {
  const [draft, setDraft] = useState(stored);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(stored);
  }, [stored]);
  return {
    draft,
    change: (next: string) => {
      editing.current = true;
      setDraft(next);
    },
    settle: () => {
      editing.current = false;
    },
  };
}
