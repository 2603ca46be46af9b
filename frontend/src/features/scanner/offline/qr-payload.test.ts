import { describe, expect, it } from 'vitest';
import { ticketSigner } from '@/testing/signed-tickets';
import { base64UrlDecode, base64UrlEncode, looksLikeQrPayload, parseQrPayload } from './qr-payload';
import { normaliseTicketCode } from './ticket-code';
import { verifyQrSignature } from './verify-signature';

const claims = { t: 42, o: 7, a: 3, d: '2026-03-28', p: 2 };

/** The payload with one character of its part `index` changed (0 prefix, 1 kid, 2 claims, 3 signature). */
function alter(payload: string, index: number): string {
  const parts = payload.split('.');
  const part = parts[index]!;
  const at = Math.floor(part.length / 2);
  parts[index] = part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
  return parts.join('.');
}

describe('QR payload', () => {
  it('parses the claims of a GJ1 payload', async () => {
    const signer = await ticketSigner('k1a2b3c4');
    const payload = await signer.sign(claims);
    const parsed = parseQrPayload(payload);
    expect(parsed?.kid).toBe('k1a2b3c4');
    expect(parsed?.claims).toEqual({ ticketId: 42, offerId: 7, attractionId: 3, day: '2026-03-28', partySize: 2 });
    expect(parsed?.signedText).toBe(payload.slice(0, payload.lastIndexOf('.')));
    expect(parsed?.signature).toHaveLength(64);
    expect(looksLikeQrPayload(` ${payload}\n`)).toBe(true);
    expect(parseQrPayload(`${payload}\n`)?.claims.ticketId).toBe(42); // a keyboard wedge's trailing newline
  });

  it('refuses what is not a well-formed payload', () => {
    const body = base64UrlEncode(new TextEncoder().encode(JSON.stringify(claims)));
    expect(parseQrPayload('7KQ2-M9XD-4TRB-HC3N')).toBeUndefined();
    expect(parseQrPayload(`GJ2.k1.${body}.c2ln`)).toBeUndefined();
    expect(parseQrPayload(`GJ1.k1.${body}`)).toBeUndefined();
    expect(parseQrPayload(`GJ1.k1.${body}.c2ln.x`)).toBeUndefined();
    expect(parseQrPayload('GJ1.k1.bm90IGpzb24.c2ln')).toBeUndefined(); // "not json"
    expect(parseQrPayload(`GJ1.k1.${base64UrlEncode(new TextEncoder().encode('{"t":1}'))}.c2ln`)).toBeUndefined();
    expect(parseQrPayload('GJ1.k1.%%%.c2ln')).toBeUndefined();
    expect(looksLikeQrPayload('7KQ2-M9XD-4TRB-HC3N')).toBe(false);
  });

  it('decodes base64url with or without padding', () => {
    expect([...base64UrlDecode('-_8')!]).toEqual([0xfb, 0xff]);
    expect([...base64UrlDecode('-_8=')!]).toEqual([0xfb, 0xff]);
    expect(base64UrlDecode('a+b/')).toBeUndefined();
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('offline signature check (WebCrypto Ed25519)', () => {
  it('accepts an authentic payload', async () => {
    const signer = await ticketSigner();
    const payload = parseQrPayload(await signer.sign(claims))!;
    expect(await verifyQrSignature(payload, [signer.key])).toBe('valid');
  });

  it('refuses a payload with one character changed, in the claims or the signature', async () => {
    const signer = await ticketSigner();
    const payload = await signer.sign(claims);
    for (const part of [2, 3]) {
      const altered = parseQrPayload(alter(payload, part));
      if (!altered) continue; // the change broke the JSON: refused even earlier
      expect(await verifyQrSignature(altered, [signer.key]), `part ${part}`).toBe('invalid');
    }
  });

  it('refuses claims changed and signed with another key of the same id', async () => {
    const genuine = await ticketSigner('k1');
    const forger = await ticketSigner('k1');
    const forged = parseQrPayload(await forger.sign({ ...claims, p: 6 }))!;
    expect(await verifyQrSignature(forged, [genuine.key])).toBe('invalid');
  });

  it('flips every byte of the signature in turn: never valid', async () => {
    const signer = await ticketSigner();
    const payload = parseQrPayload(await signer.sign(claims))!;
    for (const index of [0, 31, 63]) {
      const signature = payload.signature.slice();
      signature[index]! ^= 0x01;
      expect(await verifyQrSignature({ ...payload, signature }, [signer.key])).toBe('invalid');
    }
  });

  it('says so when the device has no key of that id', async () => {
    const signer = await ticketSigner('k-new');
    const other = await ticketSigner('k-old');
    const payload = parseQrPayload(await signer.sign(claims))!;
    expect(await verifyQrSignature(payload, [other.key])).toBe('unknown-key');
    expect(await verifyQrSignature(payload, [])).toBe('unknown-key');
  });
});

describe('typed ticket codes', () => {
  it('forgives case, spaces, dashes and look-alikes, like the server', () => {
    expect(normaliseTicketCode('7kq2 m9xd 4trb hc3n')).toBe('7KQ2-M9XD-4TRB-HC3N');
    expect(normaliseTicketCode('7KQ2M9XD4TRBHC3N')).toBe('7KQ2-M9XD-4TRB-HC3N');
    expect(normaliseTicketCode('7KQ2-M9XD-4TRB-HC3O')).toBe('7KQ2-M9XD-4TRB-HC30');
    expect(normaliseTicketCode('IL00-0000-0000-0000')).toBe('1100-0000-0000-0000');
    expect(normaliseTicketCode('7KQ2-M9XD-4TRB')).toBeUndefined();
  });
});
