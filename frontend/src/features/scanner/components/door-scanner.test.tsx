import 'fake-indexeddb/auto';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCANNER_ATTRACTION_STORAGE_KEY } from '@/config/settings';
import type { DoorList, ScanRequest, ScanResult } from '@/lib/api/types';
import { offer, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson } from '@/testing/mock-fetch';
import { ticketSigner, type TicketSigner } from '@/testing/signed-tickets';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { calendarDay } from '../offline/calendar-day';
import { rememberDoorTimeZone } from '../utils/door-time-zone';
import { DoorScanner } from './door-scanner';

const staff = fakeAuth({ authenticated: true, username: 'staff', roles: ['staff'] });
const louvre = offer({ id: 3 }).attraction;
const base1119 = { ...louvre, id: 5, slug: 'base-11-19', name: { fr: 'Base 11/19', en: 'Base 11/19' } };
const ZONE = 'Europe/Paris';
const today = calendarDay(Date.now(), ZONE);

let signer: TicketSigner;
beforeAll(async () => {
  signer = await ticketSigner();
});
// The zone earlier door lists brought (the edition's): the day asked for is today there.
beforeEach(() => {
  for (const door of [3, 5]) rememberDoorTimeZone(door, ZONE);
});

function doorList(attractionId: number): DoorList {
  return {
    attractionId,
    day: today,
    generatedAt: new Date().toISOString(),
    timeZone: ZONE,
    personsAdmitted: 4,
    keys: [signer.key],
    tickets: [
      { ticketId: 10, code: '7KQ2-M9XD-4TRB-HC3N', partySize: 2, personsAdmitted: 0, status: 'ACTIVE', holderFirstName: 'Rose' },
      { ticketId: 11, code: 'AB12-CD34-EF56-GH78', partySize: 2, personsAdmitted: 0, status: 'ACTIVE', holderFirstName: 'Paul' },
    ],
  };
}

function admitted(request: ScanRequest, overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    scanId: request.scanId,
    verdict: 'ADMITTED',
    ticketId: 10,
    partySize: 2,
    personsAdmittedNow: 2,
    personsAdmittedBefore: 0,
    personsRemaining: 0,
    holderFirstName: 'Rose',
    attractionId: request.attractionId,
    day: today,
    conflict: false,
    reason: 'Admit 2 of 2.',
    ...overrides,
  };
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('DoorScanner', () => {
  it('asks which door when there are several, remembers it, then scans online and offline, and syncs', async () => {
    const scansSent: ScanRequest[] = [];
    const batchesSent: ScanRequest[][] = [];
    // The server's list follows the admissions it made.
    const server = doorList(5);
    const admit = (ticketId: number) => {
      const ticket = server.tickets.find((t) => t.ticketId === ticketId)!;
      server.personsAdmitted += ticket.partySize - ticket.personsAdmitted;
      ticket.personsAdmitted = ticket.partySize;
    };
    mockFetch({
      'GET /api/me/attractions': () => json([louvre, base1119]),
      [`GET /api/attractions/5/door-list`]: () =>
        new Response(JSON.stringify(server), { headers: { 'Content-Type': 'application/json', ETag: `W/"${server.personsAdmitted}"` } }),
      'POST /api/scans': async (request) => {
        const scan = (await request.json()) as ScanRequest;
        scansSent.push(scan);
        admit(10);
        return json(admitted(scan));
      },
      'POST /api/scans/batch': async (request) => {
        const { scans } = (await request.json()) as { scans: ScanRequest[] };
        batchesSent.push(scans);
        admit(11);
        return json({ results: scans.map((s) => admitted(s, { ticketId: 11, holderFirstName: 'Paul' })) });
      },
    });
    renderWithProviders(<DoorScanner username="staff" />, { auth: staff });

    await userEvent.click(await screen.findByRole('button', { name: /Base 11\/19/ }));
    expect(JSON.parse(localStorage.getItem(SCANNER_ATTRACTION_STORAGE_KEY)!)).toMatchObject({ id: 5 });
    expect(screen.getByTestId('scanner-door')).toHaveTextContent('Base 11/19');
    // No camera in this browser: not an error; the code field comes first and has the focus (a
    // keyboard-wedge scanner types there), the reason beside it, no camera button but a retry.
    expect(await screen.findByText(/No camera on this device/)).toBeInTheDocument();
    const field = screen.getByLabelText('Ticket code or QR text');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field.compareDocumentPosition(screen.getByTestId('camera-status')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn the camera off' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try the camera again' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await screen.findByText('4 persons admitted today at this door')).toBeInTheDocument();
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Online · 0 to sync');

    // Online: the server's verdict.
    await userEvent.type(field, '7KQ2-M9XD-4TRB-HC3N{Enter}');
    const verdict = await screen.findByTestId('verdict');
    expect(verdict).toHaveAttribute('data-verdict', 'ADMITTED');
    expect(verdict).toHaveAttribute('data-offline', 'false');
    expect(screen.getByTestId('verdict-persons')).toHaveTextContent('2 of 2 persons');
    expect(scansSent).toHaveLength(1);
    const body = scansSent[0]!;
    expect(body).toMatchObject({ code: '7KQ2-M9XD-4TRB-HC3N', attractionId: 5 });
    expect(body.deviceId).toMatch(/^gj-[0-9A-Z]{4}$/);
    expect(body.persons).toBeUndefined();
    await userEvent.click(screen.getByRole('button', { name: 'Next ticket' }));
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();
    expect(await screen.findByText('6 persons admitted today at this door')).toBeInTheDocument();

    // Offline: a signed QR payload pasted, checked on the device, queued.
    setOnline(false);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Offline: 0 scans waiting');
    const payload = await signer.sign({ t: 11, o: 70, a: 5, d: today, p: 2 });
    await userEvent.click(field);
    await userEvent.paste(payload);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    const offline = await screen.findByTestId('verdict');
    expect(offline).toHaveAttribute('data-verdict', 'ADMITTED');
    expect(offline).toHaveAttribute('data-offline', 'true');
    expect(offline).toHaveTextContent('Paul');
    expect(await screen.findByText('Offline: 1 scan waiting')).toBeInTheDocument();
    expect(screen.getByText('8 persons admitted today at this door')).toBeInTheDocument();
    expect(scansSent).toHaveLength(1); // not even tried: the browser says it is offline

    // Back online: the queue goes through the batch endpoint.
    setOnline(true);
    expect(await screen.findByText('Online · 0 to sync')).toBeInTheDocument();
    expect(batchesSent).toHaveLength(1);
    expect(batchesSent[0]).toMatchObject([{ code: payload, attractionId: 5, localVerdict: 'ADMITTED', persons: 2 }]);
    expect(screen.getByText('8 persons admitted today at this door')).toBeInTheDocument();
  });

  it('skips the choice when there is one door, and says so when the account is not assigned to it', async () => {
    mockFetch({
      'GET /api/me/attractions': () => json([louvre]),
      'GET /api/attractions/3/door-list': () => json(doorList(3)),
      'POST /api/scans': () => problemJson(typedProblem('not-assigned', 403, 'You are not assigned to attraction 3'), 403),
    });
    renderWithProviders(<DoorScanner username="staff" />, { auth: staff });
    expect(await screen.findByTestId('scanner-door')).toHaveTextContent('Louvre-Lens');
    expect(screen.queryByRole('button', { name: 'Change door' })).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Ticket code or QR text'), '7KQ2-M9XD-4TRB-HC3N{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not assigned to this door');
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();
  });
});
