/**
 * The QR payload of a Grand Jour ticket: `GJ1.<kid>.<base64url(claims JSON)>.<base64url(signature)>`,
 * the Ed25519 signature covering the ASCII bytes of everything before the last dot.
 */
export const QR_PREFIX = 'GJ1';

/** What a ticket's QR code says about it (the JSON members t, o, a, d, p). */
export type TicketClaims = {
  ticketId: number;
  offerId: number;
  attractionId: number;
  /** The ticket's day, YYYY-MM-DD (a calendar day in the edition's time zone). */
  day: string;
  partySize: number;
};

export type QrPayload = {
  kid: string;
  claims: TicketClaims;
  /** The ASCII text the signature covers: `GJ1.<kid>.<claims>`. */
  signedText: string;
  signature: Uint8Array<ArrayBuffer>;
};

/** Whether a scanned or typed text is meant as a QR payload (and not a ticket code). */
export function looksLikeQrPayload(text: string): boolean {
  return text.trim().startsWith(`${QR_PREFIX}.`);
}

/** Decodes base64url (padding optional); undefined when the text is not base64url. */
export function base64UrlDecode(padded: string): Uint8Array<ArrayBuffer> | undefined {
  const text = padded.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function readClaims(json: unknown): TicketClaims | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { t, o, a, d, p } = json as Record<string, unknown>;
  if (!isWholeNumber(t) || !isWholeNumber(o) || !isWholeNumber(a) || !isWholeNumber(p) || p < 1) return undefined;
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
  return { ticketId: t, offerId: o, attractionId: a, day: d, partySize: p };
}

/**
 * Splits and decodes a QR payload, without checking its signature (see verifyQrPayload);
 * undefined when it is not a well-formed GJ1 payload.
 */
export function parseQrPayload(text: string): QrPayload | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  const [prefix, kid, claimsPart, signaturePart] = parts as [string, string, string, string];
  if (prefix !== QR_PREFIX || !kid || !claimsPart || !signaturePart) return undefined;
  const claimsBytes = base64UrlDecode(claimsPart);
  const signature = base64UrlDecode(signaturePart);
  if (!claimsBytes || !signature) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(claimsBytes));
  } catch {
    return undefined;
  }
  const claims = readClaims(json);
  if (!claims) return undefined;
  return { kid, claims, signedText: `${prefix}.${kid}.${claimsPart}`, signature };
}
