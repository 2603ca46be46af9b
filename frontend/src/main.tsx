import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage, prepareDateFormats, startI18n } from '@/lib/i18n';
import { App } from './app/app';
import { prepareFirstScreen } from './app/first-screen';
import { createQueryClient } from './lib/react-query';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first render waits for the texts of the page's language (their own chunk), so no label changes
// under the user's eyes; without them (a failed download) the page still renders.
const texts = startI18n();
// Meanwhile: the first screen's data (the edition, its offers, the session and the user's), so that it is
// drawn once with them rather than once per answer (first-screen.ts), and, before anything is painted,
// the date formatters and collator the first screen needs.
const queryClient = createQueryClient();
const firstScreen = prepareFirstScreen(queryClient);
prepareDateFormats(detectLanguage());
void Promise.all([texts.catch((error: unknown) => console.error('Texts not loaded', error)), firstScreen])
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  });
