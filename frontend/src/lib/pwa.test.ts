import { describe, expect, it, vi } from 'vitest';
import { SERVICE_WORKER_URL, startServiceWorker } from './pwa';

/** A fake ServiceWorkerContainer: `install()` plays a new worker found by the registration. */
function fakeContainer(controller: object | null) {
  const registration = new EventTarget() as EventTarget & { installing: ServiceWorker | null };
  registration.installing = null;
  const register = vi.fn(() => Promise.resolve(registration));
  const container = { controller, register } as unknown as ServiceWorkerContainer;
  const install = () => {
    const worker = new EventTarget() as EventTarget & { state: string };
    worker.state = 'installing';
    registration.installing = worker as unknown as ServiceWorker;
    registration.dispatchEvent(new Event('updatefound'));
    return (state: string) => {
      worker.state = state;
      worker.dispatchEvent(new Event('statechange'));
    };
  };
  return { container, register, install };
}

describe('startServiceWorker', () => {
  it('registers /sw.js at the root and does not reload on the first install of a first visit', async () => {
    const { container, register, install } = fakeContainer(null);
    const reload = vi.fn();
    await startServiceWorker(container, reload);
    expect(register).toHaveBeenCalledWith(SERVICE_WORKER_URL, { scope: '/', type: 'classic' });
    const setState = install();
    setState('installed');
    setState('activating');
    setState('activated');
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads once a new worker replacing the controlling one is activated', async () => {
    const { container, install } = fakeContainer({});
    const reload = vi.fn();
    await startServiceWorker(container, reload);
    const setState = install();
    setState('installed');
    expect(reload).not.toHaveBeenCalled();
    setState('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads when a later update is activated, even after a first install', async () => {
    const { container, install } = fakeContainer(null);
    const reload = vi.fn();
    await startServiceWorker(container, reload);
    install()('activated');
    expect(reload).not.toHaveBeenCalled();
    install()('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('warns and goes on when the registration fails', async () => {
    const container = { controller: null, register: () => Promise.reject(new Error('no')) } as unknown as ServiceWorkerContainer;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await startServiceWorker(container, vi.fn());
    expect(warn).toHaveBeenCalledWith('Service worker not registered', expect.any(Error));
    warn.mockRestore();
  });
});
