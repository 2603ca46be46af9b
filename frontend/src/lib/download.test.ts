import { describe, expect, it } from 'vitest';
import { filenameFrom } from './download';

describe('filenameFrom (Content-Disposition)', () => {
  it('takes the file name the server gives', () => {
    expect(filenameFrom('attachment; filename="grand-jour-12.pdf"', 'x.pdf')).toBe('grand-jour-12.pdf');
    expect(filenameFrom('attachment; filename=grand-jour-12.ics', 'x.ics')).toBe('grand-jour-12.ics');
    expect(filenameFrom(`attachment; filename="t.pdf"; filename*=UTF-8''billet%20%C3%A9t%C3%A9.pdf`, 'x.pdf')).toBe(
      'billet été.pdf',
    );
  });

  it('falls back when there is none, and never keeps a path', () => {
    expect(filenameFrom(null, 'grand-jour-12.pdf')).toBe('grand-jour-12.pdf');
    expect(filenameFrom('attachment', 'grand-jour-12.pdf')).toBe('grand-jour-12.pdf');
    expect(filenameFrom('attachment; filename="../../etc/passwd"', 'x.pdf')).toBe('_.._etc_passwd');
  });
});
