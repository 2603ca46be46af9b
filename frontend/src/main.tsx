import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n, prepareDateFormats, startI18n } from '@/lib/i18n';
import { App } from './app/app';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first render waits for the texts of the page's language (their own chunk), so no label changes
// under the user's eyes; without them (a failed download) the page still renders.
void startI18n()
  .catch((error: unknown) => console.error('Texts not loaded', error))
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    // Once the page is idle (its first requests sent): the date formatter the edition and offers need.
    const prepare = () => prepareDateFormats(i18n.resolvedLanguage);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
    else setTimeout(prepare, 200);
  });
