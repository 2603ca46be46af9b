import { useEffect, useRef, useState } from 'react';
import { loadQrDetector } from '../utils/qr-detector';

export type CameraStatus = 'off' | 'starting' | 'ready' | 'denied' | 'unavailable' | 'failed';

/**
 * For the QR-to-verdict measure (performance.now()): when the camera started looking at the current
 * code (its first frame, or resumed after a verdict), when the code was decoded, when judged.
 */
export type LookTiming = { lookStartedAt: number; decodedAt: number; judgedAt?: number };

const DETECT_INTERVAL_MS = 50;

function waitForFrame(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return Promise.resolve();
  return new Promise((resolve) => video.addEventListener('loadeddata', () => resolve(), { once: true }));
}

function failureStatus(error: unknown): CameraStatus {
  const name = error instanceof Error ? error.name : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable';
}

/**
 * The phone's camera (the rear one when there is one) in a <video>, read for QR codes a few times a
 * second while `enabled` and not `paused`. Marks `gj:camera-ready` (performance) when the first frame
 * shows, for the QR-to-verdict measure.
 */
export function useQrCamera({
  enabled,
  paused,
  onCode,
}: {
  enabled: boolean;
  paused: boolean;
  /** True when the code is taken (being judged): the camera stops reading until `paused` goes back to false. */
  onCode: (code: string, timing: LookTiming) => boolean;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>('starting');
  const onCodeRef = useRef(onCode);
  const pausedRef = useRef(paused);
  /** When a code was taken (performance.now()): no reads until `paused` has come and gone. */
  const takenAt = useRef<number | undefined>(undefined);
  const lookStartedAt = useRef(0);
  /** Bumped to ask for the camera again (after a refusal, or once plugged in). */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    pausedRef.current = paused;
    if (paused) return;
    takenAt.current = undefined;
    lookStartedAt.current = performance.now();
  }, [paused]);

  /** Reading stops while paused, and from a taken code until the pause it brings (1.5 s at most without one). */
  const reading = () => {
    if (pausedRef.current) return false;
    if (takenAt.current === undefined) return true;
    if (performance.now() - takenAt.current < 1500) return false;
    takenAt.current = undefined;
    return true;
  };

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    const video = videoRef.current;

    void (async () => {
      setStatus('starting');
      if (!video || !navigator.mediaDevices?.getUserMedia) {
        setStatus('unavailable');
        return;
      }
      const detector = loadQrDetector();
      detector.catch(() => undefined); // handled below
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
      } catch (error) {
        if (!cancelled) setStatus(failureStatus(error));
        return;
      }
      if (cancelled) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      video.srcObject = stream;
      await video.play().catch(() => undefined); // muted + playsInline: allowed without a gesture
      await waitForFrame(video);
      if (cancelled) return;
      performance.mark('gj:camera-ready');
      lookStartedAt.current = performance.now();
      setStatus('ready');
      let qr: Awaited<typeof detector>;
      try {
        qr = await detector;
      } catch (error) {
        console.warn('QR detector unavailable', error);
        if (!cancelled) setStatus('failed');
        return;
      }
      const look = async () => {
        if (cancelled) return;
        if (reading() && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          try {
            const [code] = await qr.detect(video);
            if (code && !cancelled && reading()) {
              // Taken: no more reads (they would slow the request down) until the verdict goes.
              if (onCodeRef.current(code, { lookStartedAt: lookStartedAt.current, decodedAt: performance.now() })) {
                takenAt.current = performance.now();
              }
            }
          } catch {
            // a frame that cannot be read: the next one will do
          }
        }
        if (!cancelled) timer = window.setTimeout(() => void look(), DETECT_INTERVAL_MS);
      };
      void look();
    })();

    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (video) video.srcObject = null;
    };
  }, [enabled, attempt]);

  return { videoRef, status: enabled ? status : ('off' as const), retry: () => setAttempt((n) => n + 1) };
}
