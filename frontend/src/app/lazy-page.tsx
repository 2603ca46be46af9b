import { lazy, useState, type ComponentType } from 'react';

/**
 * A page in a chunk of its own (React.lazy), which can also be loaded ahead (`preload`, as the app
 * starts: first-screen.ts). Rendered once loaded, it is drawn at once, not after a Suspense fallback
 * and one more render. Each mount decides once, so a page never switches between the two (a remount).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = undefined; // tried again at the next render
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((page) => ({ default: page })));
  function Page(props: P) {
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, { preload });
}
