import 'i18next';
import type en from './locales/en.json';

// Translation keys are checked at compile time against the English file
// (the French one has the same keys: see locales.test.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
