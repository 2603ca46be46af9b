import type { TicketKey } from '@/lib/api/types';
import { base64UrlDecode, type QrPayload } from './qr-payload';

/**
 * - `valid`: signed by one of the keys;
 * - `invalid`: the signature does not verify (forged or altered);
 * - `unknown-key`: no key of that id on this device;
 * - `unsupported`: this browser's WebCrypto has no Ed25519 (Chrome < 137, Safari < 17, Firefox < 129).
 */
export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key' | 'unsupported';

const imported = new Map<string, Promise<CryptoKey>>();

function importKey(key: TicketKey): Promise<CryptoKey> {
  const cacheKey = `${key.kid}:${key.publicKey}`;
  let promise = imported.get(cacheKey);
  if (!promise) {
    const raw = base64UrlDecode(key.publicKey);
    promise = raw
      ? crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify'])
      : Promise.reject(new TypeError(`key ${key.kid} is not base64url`));
    imported.set(cacheKey, promise);
    promise.catch(() => imported.delete(cacheKey));
  }
  return promise;
}

function isUnsupported(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotSupportedError';
}

/** Checks a parsed payload's Ed25519 signature with WebCrypto against the keys kept on the device. */
export async function verifyQrSignature(payload: QrPayload, keys: readonly TicketKey[]): Promise<SignatureCheck> {
  const key = keys.find((k) => k.kid === payload.kid);
  if (!key) return 'unknown-key';
  if (key.algorithm !== 'Ed25519') return 'unsupported';
  try {
    const cryptoKey = await importKey(key);
    const ok = await crypto.subtle.verify(
      { name: 'Ed25519' },
      cryptoKey,
      payload.signature,
      new TextEncoder().encode(payload.signedText),
    );
    return ok ? 'valid' : 'invalid';
  } catch (error) {
    if (isUnsupported(error)) return 'unsupported';
    return 'invalid';
  }
}
