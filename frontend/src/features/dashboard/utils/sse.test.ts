import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse';

function parse(chunks: string[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    (event) => events.push(event),
    (ms) => retries.push(ms),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries };
}

const data = (events: SseEvent[]) => events.map((e) => e.data);

describe('createSseParser', () => {
  it('reads one event per blank line, with or without a space after the colon', () => {
    expect(parse(['data:{"a":1}\n\ndata: {"a":2}\n\n']).events).toEqual([
      { type: 'message', data: '{"a":1}', id: undefined },
      { type: 'message', data: '{"a":2}', id: undefined },
    ]);
  });

  it('joins chunks split anywhere, even mid-line and mid-field', () => {
    const stream = 'data: {"editionId":1,"overall":{"admitted":12}}\n\ndata: {"editionId":1,"overall":{"admitted":13}}\n\n';
    for (const size of [1, 2, 3, 7, 16, 50]) {
      const chunks: string[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
      expect(data(parse(chunks).events), `chunks of ${size}`).toEqual([
        '{"editionId":1,"overall":{"admitted":12}}',
        '{"editionId":1,"overall":{"admitted":13}}',
      ]);
    }
  });

  it('gives several events of one chunk in order, and keeps an unfinished one for later', () => {
    const result: SseEvent[] = [];
    const parser = createSseParser((e) => result.push(e));
    parser.push('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4');
    expect(data(result)).toEqual(['1', '2', '3']);
    parser.push('\n\n');
    expect(data(result)).toEqual(['1', '2', '3', '4']);
  });

  it('ignores comments (heartbeats) and unknown fields, and dispatches nothing without data', () => {
    const { events } = parse([': heartbeat\n\n', ':\n', 'foo: bar\n\n', 'data: x\n: in the middle\n\n', 'event: ping\n\n']);
    expect(data(events)).toEqual(['x']);
  });

  it('joins data lines with a line feed and keeps the event type and id', () => {
    const { events } = parse(['event: stats\nid: 42\ndata: first\ndata:second\ndata\n\n']);
    expect(events).toEqual([{ type: 'stats', data: 'first\nsecond\n', id: '42' }]);
  });

  it('accepts CRLF and CR line ends, a CRLF split between two chunks, and a leading BOM', () => {
    expect(data(parse(['\uFEFFdata: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r', '\n']).events)).toEqual(['a', 'b', 'c']);
  });

  it('reports retry delays', () => {
    expect(parse(['retry: 3000\nretry: soon\n\n']).retries).toEqual([3000]);
  });
});
