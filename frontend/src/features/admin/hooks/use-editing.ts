import { useCallback, useState } from 'react';

/**
 * The list/edit/saved pattern of the admin panels: at most one form open (`editing`, what it is
 * about), and a status line saying what was last saved. Opening a form clears that line; saving
 * closes the form and fills it.
 */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const start = useCallback((next: T) => {
    setSaved(null);
    setEditing(next);
  }, []);
  const cancel = useCallback(() => setEditing(null), []);
  const done = useCallback((message: string) => {
    setEditing(null);
    setSaved(message);
  }, []);
  return { editing, saved, start, cancel, done, say: setSaved };
}
