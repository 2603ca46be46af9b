/**
 * A ticket code as typed, read back as a stored code (`7KQ2-M9XD-4TRB-HC3N`): case, spaces, dashes and
 * the look-alikes O/I/L forgiven, as the server does; undefined when it cannot be a code.
 */
export function normaliseTicketCode(typed: string): string | undefined {
  const s = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== 16) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}
