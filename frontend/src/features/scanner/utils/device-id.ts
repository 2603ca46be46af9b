import { DEVICE_ID_STORAGE_KEY } from '@/config/settings';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `gj-${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

let fallback: string | undefined;

/**
 * This device's name in the scans it sends (`gj-3F9A`), made once and kept: the server tells which
 * device admitted a party first by it.
 */
export function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_ID_STORAGE_KEY);
    if (!id) {
      id = randomName();
      localStorage.setItem(DEVICE_ID_STORAGE_KEY, id);
    }
    return id;
  } catch {
    fallback ??= randomName(); // storage disabled: one name for this page
    return fallback;
  }
}
