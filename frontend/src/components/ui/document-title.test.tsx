import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DocumentTitle } from './document-title';

describe('DocumentTitle', () => {
  it('names the page while shown, and gives the previous title back when it goes', () => {
    document.title = 'Grand Jour';
    const { rerender, unmount } = render(<DocumentTitle>My account · Grand Jour</DocumentTitle>);
    expect(document.title).toBe('My account · Grand Jour');
    rerender(<DocumentTitle>My tickets · Grand Jour</DocumentTitle>);
    expect(document.title).toBe('My tickets · Grand Jour');
    unmount();
    expect(document.title).toBe('Grand Jour');
  });
});
