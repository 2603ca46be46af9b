/**
 * What the door hears and feels with a verdict: a short high beep for "admitted", two low buzzes for
 * a refusal, and a vibration where the phone has it. Browsers start audio only after a user gesture:
 * `unlockAudio` (called on the first tap or key press of the scanner) prepares it.
 */
let context: AudioContext | undefined;

export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    // no Web Audio: silent
  }
}

function tone(ctx: AudioContext, start: number, frequency: number, duration: number, type: OscillatorType) {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.3, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.02);
}

export function signalVerdict(ok: boolean): void {
  try {
    navigator.vibrate?.(ok ? 80 : [180, 80, 180]);
  } catch {
    // vibration refused: nothing to do
  }
  if (!context || context.state !== 'running') return;
  const now = context.currentTime;
  if (ok) {
    tone(context, now, 1320, 0.12, 'sine');
  } else {
    tone(context, now, 220, 0.18, 'square');
    tone(context, now + 0.24, 196, 0.24, 'square');
  }
}
