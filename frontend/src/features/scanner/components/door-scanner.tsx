import { useEffect, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { SCANNER_ATTRACTION_STORAGE_KEY } from '@/config/settings';
import type { Attraction } from '@/lib/api/types';
import { useMyAttractions } from '../api/get-my-attractions';
import { unlockAudio } from '../utils/feedback';
import { keepQrReaderOffline } from '../utils/qr-detector';
import { AttractionPicker } from './attraction-picker';
import { ScannerScreen } from './scanner-screen';
import './scanner.css';

function storedDoor(): Attraction | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(SCANNER_ATTRACTION_STORAGE_KEY) ?? 'null') as unknown;
    return typeof stored === 'object' && stored !== null && typeof (stored as Attraction).id === 'number'
      ? (stored as Attraction)
      : undefined;
  } catch {
    return undefined;
  }
}

function storeDoor(attraction: Attraction | undefined) {
  try {
    if (attraction) localStorage.setItem(SCANNER_ATTRACTION_STORAGE_KEY, JSON.stringify(attraction));
    else localStorage.removeItem(SCANNER_ATTRACTION_STORAGE_KEY);
  } catch {
    // storage disabled: asked again next time
  }
}

/**
 * The door scanner of a staff member or organiser: which door (skipped when there is one; the choice is
 * remembered on the phone), then the scanner. Without network the remembered door is used as it is.
 */
export function DoorScanner({ username }: { username: string }) {
  const attractions = useMyAttractions(username);
  const [picked, setPicked] = useState<Attraction | undefined>(storedDoor);
  useEffect(keepQrReaderOffline, []);

  const list = attractions.data;
  // The remembered door, if this account still scans there; the only door; or a choice to make.
  const door = list
    ? (list.find((a) => a.id === picked?.id) ?? (list.length === 1 ? list[0] : undefined))
    : picked;

  if (!door) {
    if (attractions.isPending) return <Loading />;
    if (attractions.isError) return <ErrorState error={attractions.error} onRetry={() => void attractions.refetch()} />;
    return (
      <AttractionPicker
        attractions={list ?? []}
        onPick={(attraction) => {
          unlockAudio();
          storeDoor(attraction);
          setPicked(attraction);
        }}
      />
    );
  }
  return (
    <ScannerScreen
      key={door.id}
      attraction={door}
      attractions={list ?? [door]}
      onChangeDoor={
        list && list.length > 1
          ? () => {
              storeDoor(undefined);
              setPicked(undefined);
            }
          : undefined
      }
    />
  );
}
