import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activeTicket, cancelledTicket, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { TicketDetails } from './ticket-details';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });
const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = () => new Response(PNG_SIGNATURE, { headers: { 'Content-Type': 'image/png' } });

beforeEach(() => {
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => 'blob:qr');
  URL.revokeObjectURL = vi.fn();
});

describe('TicketDetails', () => {
  it('shows the QR code with a meaningful text alternative, the code and the details', async () => {
    const fetchMock = mockFetch({ 'GET /api/tickets/101': () => json(activeTicket), 'GET /api/tickets/101/qr.png': png });
    const { unmount } = renderWithProviders(<TicketDetails id={101} />, { auth: resident });

    expect(await screen.findByRole('heading', { level: 1, name: 'Louvre-Lens' })).toBeInTheDocument();
    const qr = await screen.findByRole('img', { name: 'QR code for your ticket to Louvre-Lens, 28 March, 2 people' });
    expect(qr).toHaveAttribute('src', 'blob:qr');
    expect(screen.getByTestId('ticket-code')).toHaveTextContent('7KQ2-M9XD-4TRB-HC3N');
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('Valid');
    expect(screen.getByText('Rose Résidente')).toBeInTheDocument();
    expect(screen.getByText('Wheelchair accessible.')).toBeInTheDocument();
    expect(screen.getByText(/99 rue Paul Bert, 62300 Lens/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel this ticket' })).toBeInTheDocument();
    const qrRequest = sentRequests(fetchMock).find((r) => r.url.includes('qr.png'));
    expect(new URL(qrRequest!.url).searchParams.get('size')).toBe('720');

    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:qr');
  });

  it('says at the top that a ticket whose whole party is in is used, and dims its QR code', async () => {
    const used = { ...activeTicket, personsAdmitted: activeTicket.partySize, cancellable: false };
    mockFetch({ 'GET /api/tickets/101': () => json(used), 'GET /api/tickets/101/qr.png': png });
    renderWithProviders(<TicketDetails id={101} />, { auth: resident });

    expect(await screen.findByTestId('ticket-status')).toHaveTextContent('Used');
    const notice = screen.getByTestId('ticket-used');
    expect(notice).toHaveTextContent('Ticket used. All 2 people on this ticket are already in');
    const qr = await screen.findByRole('img', { name: /^Used QR code of your ticket/ });
    expect(qr.closest('.ticket-qr')).toHaveClass('ticket-qr--used');
    // The notice comes before the QR code, and nothing asks to show it at the door.
    expect(notice.compareDocumentPosition(qr) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText(/show this QR code/)).not.toBeInTheDocument();
  });

  it('shows a cancelled ticket without its QR code', async () => {
    const fetchMock = mockFetch({ 'GET /api/tickets/102': () => json(cancelledTicket) });
    renderWithProviders(<TicketDetails id={102} />, { auth: resident });

    expect(await screen.findByTestId('ticket-status')).toHaveTextContent('Cancelled');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(/^This ticket was cancelled on .*2026/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel this ticket' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download PDF' })).not.toBeInTheDocument();
    expect(sentRequests(fetchMock).some((r) => r.url.includes('qr.png'))).toBe(false);
  });

  it('tells its times in the edition\'s zone the API sends, not the attraction\'s territory\'s', async () => {
    // A Kent attraction (Europe/London) in an edition kept in Paris time: 23:30 UTC is already the 13th in Paris.
    const kentTicket = { ...cancelledTicket, cancelledAt: '2026-03-12T23:30:00Z' };
    kentTicket.offer = { ...kentTicket.offer, timeZone: 'Europe/Paris' };
    kentTicket.offer.attraction = { ...kentTicket.offer.attraction, territory: { ...kentTicket.offer.attraction.territory, timeZone: 'Europe/London' } };
    mockFetch({ 'GET /api/tickets/102': () => json(kentTicket) });
    renderWithProviders(<TicketDetails id={102} />, { auth: resident });

    expect(await screen.findByText(/^This ticket was cancelled on .*13 March 2026.*00:30/)).toBeInTheDocument();
  });

  it('cancels after confirmation in a dialog, then shows the ticket as cancelled', async () => {
    let cancelled = false;
    const fetchMock = mockFetch({
      'GET /api/tickets/101': () =>
        json(cancelled ? { ...activeTicket, status: 'CANCELLED', cancellable: false, cancelledAt: '2026-03-12T10:00:00Z' } : activeTicket),
      'GET /api/tickets/101/qr.png': png,
      'DELETE /api/tickets/101': () => {
        cancelled = true;
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<TicketDetails id={101} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel this ticket' }));

    const dialog = screen.getByRole('dialog', { name: 'Cancel this ticket?' });
    expect(dialog).toHaveTextContent(
      /Your 2 places at Louvre-Lens on Saturday,? 28 March 2026 go back to other residents at once\./,
    );
    expect(within(dialog).getByRole('button', { name: 'Keep my ticket' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, cancel the ticket' }));

    const message = await screen.findByText('Your ticket is cancelled. Its places are back for other residents.');
    expect(message).toHaveAttribute('role', 'status');
    expect(message).toHaveFocus();
    expect(await screen.findByTestId('ticket-status')).toHaveTextContent('Cancelled');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sentRequests(fetchMock).filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('keeps the ticket when the dialog is dismissed', async () => {
    const fetchMock = mockFetch({ 'GET /api/tickets/101': () => json(activeTicket), 'GET /api/tickets/101/qr.png': png });
    renderWithProviders(<TicketDetails id={101} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel this ticket' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep my ticket' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sentRequests(fetchMock).some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('explains a refused cancellation in the dialog', async () => {
    mockFetch({
      'GET /api/tickets/101': () => json(activeTicket),
      'GET /api/tickets/101/qr.png': png,
      'DELETE /api/tickets/101': () =>
        problemJson(typedProblem('cancel-too-late', 409, 'This ticket has already been used at the door.'), 409),
    });
    renderWithProviders(<TicketDetails id={101} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel this ticket' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel the ticket' }));

    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert).toHaveTextContent('It is too late to cancel this ticket');
    expect(alert).toHaveTextContent('This ticket has already been used at the door.');
    expect(alert).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Yes, cancel the ticket' })).not.toBeInTheDocument();
  });

  it('downloads the PDF with the bearer-authenticated fetch and the server’s file name', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    mockFetch({
      'GET /api/tickets/101': () => json(activeTicket),
      'GET /api/tickets/101/qr.png': png,
      'GET /api/tickets/101/ticket.pdf': () =>
        new Response('%PDF-1.7', {
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="grand-jour-101.pdf"' },
        }),
    });
    renderWithProviders(<TicketDetails id={101} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: 'Download PDF' }));

    await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('grand-jour-101.pdf');
    expect(link.href).toBe('blob:qr');
  });

  it('says when the ticket does not exist (or is another resident’s)', async () => {
    mockFetch({ 'GET /api/tickets/999': () => problemJson(typedProblem('not-found', 404, 'No ticket 999'), 404) });
    renderWithProviders(<TicketDetails id={999} />, { auth: resident });
    expect(await screen.findByText('This ticket does not exist, or it is not yours.')).toBeInTheDocument();
  });
});
