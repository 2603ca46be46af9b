import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Route, Routes, useLocation } from '@/lib/router';
import { renderWithProviders } from '@/testing/test-utils';
import { RootErrorBoundary } from './root';

function Broken(): never {
  throw new Error('broken page');
}

function Pages() {
  const location = useLocation();
  return (
    <RootErrorBoundary location={location}>
      <Routes>
        <Route path="/broken" element={<Broken />} />
        <Route path="/" element={<p>a fine page</p>} />
      </Routes>
    </RootErrorBoundary>
  );
}

describe('RootErrorBoundary', () => {
  it('shows what went wrong in the layout, and renders the next page after a navigation', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithProviders(<Pages />, { route: '/broken' });
    expect(screen.getByRole('alert')).toHaveTextContent('An unexpected error occurred');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // the layout's own links still work
    await userEvent.click(screen.getByRole('link', { name: 'Attractions' }));
    expect(screen.getByText('a fine page')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
