import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/test-utils';
import type { QueuedScan } from '../offline/door-store';
import { SyncConflicts } from './sync-conflicts';

const request = {
  code: 'GJ1.k.c.s',
  attractionId: 3,
  deviceId: 'gj-HERE',
  scanId: '00000000-0000-4000-8000-000000000001',
  scannedAt: '2026-03-28T09:05:00Z',
  persons: 2,
  localVerdict: 'ADMITTED' as const,
};
const admission = { ticketId: 10, partySize: 2, personsAfter: 2, holderFirstName: 'Rose', at: request.scannedAt, by: 'gj-HERE' };

const conflict: QueuedScan = {
  scanId: request.scanId,
  state: 'conflict',
  request,
  day: '2026-03-28',
  admission,
  result: {
    scanId: request.scanId,
    verdict: 'ALREADY_USED',
    personsAdmittedNow: 0,
    personsAdmittedBefore: 2,
    conflict: true,
    reason: 'The whole party (2) has already been admitted.',
    firstAdmittedAt: '2026-03-28T08:55:00Z',
    firstAdmittedBy: 'gj-OTHR',
  },
};
const rejected: QueuedScan = {
  ...conflict,
  scanId: 'other',
  state: 'rejected',
  result: undefined,
  problem: 'You are not assigned to attraction 3',
  admission: { ...admission, holderFirstName: undefined },
};

describe('SyncConflicts', () => {
  it('lists the offline admissions the server disagreed with, with its verdict, until seen', async () => {
    const onSeen = vi.fn();
    renderWithProviders(<SyncConflicts scans={[conflict, rejected]} onSeen={onSeen} timeZone="Europe/Paris" />);
    expect(screen.getByRole('heading', { name: 'The server disagreed' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Rose · Admitted offline at 10:05: 2 persons');
    expect(items[0]).toHaveTextContent('Server: Already used. First admitted at 09:55 by device gj-OTHR.');
    expect(items[1]).toHaveTextContent('Ticket 10');
    expect(items[1]).toHaveTextContent('Not accepted by the server: You are not assigned to attraction 3');
    await userEvent.click(screen.getAllByRole('button', { name: 'Seen' })[0]!);
    expect(onSeen).toHaveBeenCalledWith(conflict.scanId);
  });

  it('tells the times in the zone of the door list (the edition\'s)', () => {
    renderWithProviders(<SyncConflicts scans={[conflict]} onSeen={() => {}} timeZone="Europe/London" />);
    expect(screen.getByRole('listitem')).toHaveTextContent('Rose · Admitted offline at 09:05: 2 persons');
  });

  it('speaks French, and shows nothing when all is well', async () => {
    await i18n.changeLanguage('fr');
    const { container } = renderWithProviders(<SyncConflicts scans={[conflict]} onSeen={() => {}} timeZone="Europe/Paris" />);
    expect(screen.getByRole('heading', { name: 'Le serveur n’est pas d’accord' })).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Entré hors ligne à 10:05 : 2 personnes');
    expect(screen.getByRole('listitem')).toHaveTextContent('Serveur : Déjà utilisé. Première entrée à 09:55 par l’appareil gj-OTHR.');
    container.remove();
    renderWithProviders(<SyncConflicts scans={[]} onSeen={() => {}} timeZone="Europe/Paris" />);
    expect(screen.queryByRole('heading', { name: 'Le serveur n’est pas d’accord' })).not.toBeInTheDocument();
  });
});
