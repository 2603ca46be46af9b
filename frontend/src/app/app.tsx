import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { registerServiceWorker } from '@/lib/pwa';
import { AppProvider } from './provider';
import { AppRouter } from './router';

/** `queryClient`: the cache main.tsx filled for the first screen (first-screen.ts). */
export function App({ queryClient }: { queryClient?: QueryClient }) {
  useEffect(registerServiceWorker, []);
  return (
    <AppProvider queryClient={queryClient}>
      <AppRouter />
    </AppProvider>
  );
}
