import { useEffect, useRef } from 'react';
import { WedgeBuffer } from '../utils/keyboard-wedge';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Hears a hardware scanner that types its code and Enter while no field has the focus (a focused
 * field gets the keys itself, and submits on Enter).
 */
export function useKeyboardWedge(onCode: (code: string) => void, enabled = true) {
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });
  useEffect(() => {
    if (!enabled) return;
    const buffer = new WedgeBuffer();
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const code = buffer.push(event.key, event.timeStamp);
      if (code) {
        event.preventDefault();
        onCodeRef.current(code);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
