/** One Server-Sent Event: its type (`message` unless an `event:` line says otherwise), data and id. */
export type SseEvent = { type: string; data: string; id?: string };

export type SseParser = {
  /** Feeds the next piece of the stream, as decoded text (it may end anywhere, even mid-line). */
  push: (chunk: string) => void;
};

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML, "Server-sent events"):
 * lines end with CRLF, LF or CR (a CRLF may be split between two chunks); `field:value` lines (one
 * optional space after the colon) build an event that a blank line dispatches; `data` lines join with
 * LF; lines starting with a colon are comments (heartbeats); unknown fields are ignored; an event with
 * no data is not dispatched. `retry:` values go to `onRetry`. A final event without its blank line is
 * dropped, as browsers do.
 */
export function createSseParser(onEvent: (event: SseEvent) => void, onRetry?: (ms: number) => void): SseParser {
  let buffer = '';
  let first = true;
  let skipLf = false; // the previous chunk ended with CR: a LF starting this one belongs to it
  let data: string[] = [];
  let type = '';
  let lastId: string | undefined;

  const dispatch = () => {
    if (data.length > 0) onEvent({ type: type || 'message', data: data.join('\n'), id: lastId });
    data = [];
    type = '';
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // comment
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        data.push(value);
        break;
      case 'event':
        type = value;
        break;
      case 'id':
        if (!value.includes('\0')) lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) onRetry?.(Number(value));
        break;
      default:
      // ignored, as the format says
    }
  };

  return {
    push(chunk) {
      let text = chunk;
      if (first && text.length > 0) {
        if (text.startsWith('\uFEFF')) text = text.slice(1);
        first = false;
      }
      if (skipLf && text.startsWith('\n')) text = text.slice(1);
      skipLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) skipLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
