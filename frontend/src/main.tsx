import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage, prepareDateFormats, startI18n } from '@/lib/i18n';
import { App } from './app/app';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first render waits for the texts of the page's language (their own chunk), so no label changes
// under the user's eyes; without them (a failed download) the page still renders.
const texts = startI18n();
// Meanwhile, before anything is painted: the date formatters and collator the first screen needs.
prepareDateFormats(detectLanguage());
void texts
  .catch((error: unknown) => console.error('Texts not loaded', error))
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
