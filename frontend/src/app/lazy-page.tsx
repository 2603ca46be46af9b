import { lazy, useState, type ComponentType } from 'react';

/**
 * A page in a chunk of its own (React.lazy), which can also be loaded ahead (`preload`, as the app
 * starts: first-screen.ts, which also uses what else the chunk exports). Rendered once loaded, it is
 * drawn at once, not after a Suspense fallback and one more render. Each mount decides once, so a page
 * never switches between the two (a remount).
 */
export function lazyPage<M, P extends object>(load: () => Promise<M>, pageOf: (module: M) => ComponentType<P>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<M> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = pageOf(module);
        return module;
      },
      (error: unknown) => {
        loading = undefined; // tried again at the next render
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((module) => ({ default: pageOf(module) })));
  function Page(props: P) {
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, { preload });
}
