import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { SUPPORTED_LANGUAGES } from '@/config/settings';
import { i18n, loadLanguage } from '@/lib/i18n';

// The texts of every language, as a switch in a test must not wait for a download.
await Promise.all(SUPPORTED_LANGUAGES.map((language) => loadLanguage(language, true)));

// jsdom has <dialog> but not its modal methods: enough of them for the components (open state and
// the close event; no inertness, no focus trap, which only a real browser gives).
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
}

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
