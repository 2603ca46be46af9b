import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearOfflineCopies, readOfflineCopy, saveOfflineCopy } from './offline-copies';

describe('offline copies', () => {
  it('keeps a copy per user and key, with when it was saved, and forgets them all on clear', async () => {
    await saveOfflineCopy('camille', 'tickets:1', { id: 1 }, 1000);
    await saveOfflineCopy('oliver', 'tickets:1', { id: 2 }, 2000);

    expect(await readOfflineCopy('camille', 'tickets:1')).toMatchObject({ value: { id: 1 }, savedAt: 1000 });
    expect(await readOfflineCopy('oliver', 'tickets:1')).toMatchObject({ value: { id: 2 }, savedAt: 2000 });
    expect(await readOfflineCopy('camille', 'tickets:2')).toBeUndefined();
    // Logged out: nobody's copy is read.
    expect(await readOfflineCopy('', 'tickets:1')).toBeUndefined();

    await clearOfflineCopies();
    expect(await readOfflineCopy('camille', 'tickets:1')).toBeUndefined();
    expect(await readOfflineCopy('oliver', 'tickets:1')).toBeUndefined();
  });
});
