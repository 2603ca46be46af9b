import { useEffect } from 'react';
import { registerServiceWorker } from '@/lib/pwa';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export function App() {
  useEffect(registerServiceWorker, []);
  return (
    <AppProvider>
      <AppRouter />
    </AppProvider>
  );
}
