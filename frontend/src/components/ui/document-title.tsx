import { useEffect } from 'react';

/**
 * The page's title (`document.title`) while this is shown, the one before it again when it goes.
 * Instead of a `<title>` element in the page: React 19 moves one into <head>, Preact (the production
 * build's React, see vite.config.ts) would leave it in the body, where it names nothing.
 */
export function DocumentTitle({ children }: { children: string }) {
  useEffect(() => {
    const previous = document.title;
    document.title = children;
    return () => {
      document.title = previous;
    };
  }, [children]);
  return null;
}
