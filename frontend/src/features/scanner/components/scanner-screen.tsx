import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError, problemSlug } from '@/lib/api/errors';
import type { Attraction } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useDoorScanner } from '../hooks/use-door-scanner';
import { useKeyboardWedge } from '../hooks/use-keyboard-wedge';
import { useQrCamera, type CameraStatus } from '../hooks/use-qr-camera';
import { deviceId } from '../utils/device-id';
import { unlockAudio } from '../utils/feedback';
import { CodeEntryForm } from './code-entry-form';
import { DoorStatus } from './door-status';
import { WalkUpPanel } from './walk-up-panel';
import { PersonsStepper } from './persons-stepper';
import { SyncConflicts } from './sync-conflicts';
import { VerdictScreen } from './verdict-screen';

type Props = {
  attraction: Attraction;
  attractions: readonly Attraction[];
  /** Offered when the account scans for several doors. */
  onChangeDoor?: () => void;
};

const cameraMessage: Record<CameraStatus, string> = {
  off: 'scanner.camera.off',
  starting: 'scanner.camera.starting',
  ready: 'scanner.camera.ready',
  denied: 'scanner.camera.denied',
  unavailable: 'scanner.camera.unavailable',
  failed: 'scanner.camera.failed',
};

function ScanError({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  if (problemSlug(error) === 'not-assigned') {
    return (
      <p className="error-state" role="alert">
        {t('scanner.error.notAssigned')}
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <p className="error-state" role="alert">
        {t('scanner.error.session')}
      </p>
    );
  }
  return <ErrorState error={error} onRetry={onClose} />;
}

/** The door: camera, typed codes, keyboard-wedge scanners, verdicts, and the offline state. */
export function ScannerScreen({ attraction, attractions, onChangeDoor }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const door = useDoorScanner(attraction.id);
  const [cameraOn, setCameraOn] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const {
    videoRef,
    status: cameraStatus,
    retry: retryCamera,
  } = useQrCamera({
    enabled: cameraOn,
    paused: Boolean(door.verdict) || door.busy,
    onCode: (code, timing) => door.submitCode(code, 'camera', timing),
  });
  useKeyboardWedge((code) => door.submitCode(code, 'keyboard'));
  const myDevice = deviceId();

  // Without the camera, the field keeps the focus: a keyboard-wedge scanner types into it.
  const cameraInUse = cameraStatus === 'ready' || cameraStatus === 'starting';
  useEffect(() => {
    if (!cameraInUse && !door.verdict) inputRef.current?.focus({ preventScroll: true });
  }, [cameraInUse, door.verdict]);

  // No camera, or not allowed: not an error at the door. The typed code comes first, with the reason
  // beside it; the camera can be asked for again.
  const blocked = cameraStatus === 'denied' || cameraStatus === 'unavailable' || cameraStatus === 'failed';
  const codeFirst = blocked || !cameraOn;
  const codeEntry = (
    <CodeEntryForm inputRef={inputRef} busy={door.busy} onSubmit={(code) => door.submitCode(code, 'typed')} />
  );
  const camera = (
    <>
      <div className="scanner__camera" data-camera={cameraStatus} hidden={blocked}>
        <video ref={videoRef} className="scanner__video" muted playsInline autoPlay aria-hidden="true" hidden={!cameraOn} />
        {cameraOn && cameraStatus === 'ready' && <div className="scanner__frame" aria-hidden="true" />}
        {!blocked && (
          <p className="scanner__camera-message" data-testid="camera-status">
            {t(cameraMessage[cameraStatus] as 'scanner.camera.off')}
          </p>
        )}
      </div>
      {blocked ? (
        <div className="scanner__no-camera">
          <p data-testid="camera-status" role="status">{t(cameraMessage[cameraStatus] as 'scanner.camera.off')}</p>
          <button type="button" className="button button--small button--secondary" onClick={retryCamera}>
            {t('scanner.camera.retry')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--small button--secondary scanner__camera-toggle"
          aria-pressed={cameraOn}
          onClick={() => setCameraOn((on) => !on)}
        >
          {cameraOn ? t('scanner.camera.turnOff') : t('scanner.camera.turnOn')}
        </button>
      )}
    </>
  );

  return (
    <div className="scanner" onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className="scanner__door">
        <p className="scanner__door-name" data-testid="scanner-door">
          {format.localized(attraction.name)}
        </p>
        {onChangeDoor && (
          <button type="button" className="button button--small button--secondary" onClick={onChangeDoor}>
            {t('scanner.pick.change')}
          </button>
        )}
      </div>

      <DoorStatus online={door.online} state={door.doorState.data} deviceId={myDevice} />

      {codeFirst && codeEntry}

      {camera}

      <div className="scanner__persons">
        {door.persons === undefined ? (
          <button type="button" className="button button--small button--secondary" onClick={() => door.setPersons(1)}>
            {t('scanner.persons.fewer')}
          </button>
        ) : (
          <>
            <PersonsStepper
              label={t('scanner.persons.next', { count: door.persons })}
              value={door.persons}
              onChange={door.setPersons}
            />
            <button type="button" className="button button--small button--secondary" onClick={() => door.setPersons(undefined)}>
              {t('scanner.persons.reset')}
            </button>
          </>
        )}
      </div>

      {!codeFirst && codeEntry}

      {door.error !== undefined && <ScanError error={door.error} onClose={door.clearError} />}

      <SyncConflicts scans={door.doorState.data?.unsettled ?? []} onSeen={(id) => void door.forgetScan(id)} timeZone={door.timeZone} />

      <WalkUpPanel attractionId={attraction.id} online={door.online} />

      {door.verdict && (
        <VerdictScreen
          key={door.verdict.scanId}
          shown={door.verdict}
          attractions={attractions}
          today={door.today}
          timeZone={door.timeZone}
          deviceId={myDevice}
          busy={door.busy}
          onDismiss={door.dismiss}
          onAdmitMore={door.admitMore}
        />
      )}
    </div>
  );
}
