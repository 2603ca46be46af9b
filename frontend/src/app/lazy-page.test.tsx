import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from './lazy-page';

const Hello = ({ name }: { name: string }) => <p>hello {name}</p>;

describe('lazyPage', () => {
  it('draws a page loaded ahead in the first render, without the fallback', async () => {
    const load = vi.fn(() => Promise.resolve({ Hello }));
    const Page = lazyPage(load, (m) => m.Hello);
    await Page.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <Page name="ada" />
      </Suspense>,
    );
    expect(screen.getByText('hello ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback until a page not loaded yet arrives, and loads it once', async () => {
    let arrive: (module: { Hello: typeof Hello }) => void = () => undefined;
    const load = vi.fn(() => new Promise<{ Hello: typeof Hello }>((resolve) => (arrive = resolve)));
    const Page = lazyPage(load, (m) => m.Hello);
    render(
      <Suspense fallback={<p>loading</p>}>
        <Page name="bob" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    void Page.preload();
    arrive({ Hello });
    expect(await screen.findByText('hello bob')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries a failed download again', async () => {
    const module = { Hello };
    const load = vi.fn<() => Promise<typeof module>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(module);
    const Page = lazyPage(load, (m) => m.Hello);
    await expect(Page.preload()).rejects.toThrow('offline');
    await expect(Page.preload()).resolves.toBe(module);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
