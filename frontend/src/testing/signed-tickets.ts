import type { TicketKey } from '@/lib/api/types';

// Tickets signed like the server signs them (Ed25519 over "GJ1.<kid>.<base64url claims>"), with a key
// pair made by WebCrypto for the test.

export type Claims = { t: number; o: number; a: number; d: string; p: number };

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type TicketSigner = {
  key: TicketKey;
  sign: (claims: Claims) => Promise<string>;
};

export async function ticketSigner(kid = 'ktest001'): Promise<TicketSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    key: {
      kid,
      algorithm: 'Ed25519',
      publicKey: base64Url(raw),
      publicKeySpki: btoa(String.fromCharCode(...spki)),
      createdAt: '2026-03-01T00:00:00Z',
    },
    sign: async (claims) => {
      const signed = `GJ1.${kid}.${base64Url(new TextEncoder().encode(JSON.stringify(claims)))}`;
      const signature = new Uint8Array(
        await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(signed)),
      );
      return `${signed}.${base64Url(signature)}`;
    },
  };
}
