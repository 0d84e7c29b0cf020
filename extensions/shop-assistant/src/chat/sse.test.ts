import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./sse";

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const feed = createSseParser((event) => events.push(event));
  chunks.forEach((chunk) => feed(chunk));
  feed("", true);
  return events;
}

const stream =
  'event: conversation\ndata: {"id":"c1","token":"t1"}\n\n' +
  ": ping\n\n" +
  'event: delta\ndata: {"text":"Hel"}\n\n' +
  'event: delta\r\ndata: {"text":"lo"}\r\n\r\n' +
  'event: done\ndata: {"messageId":"m1","mode":"ai"}\n\n';

describe("SSE parser", () => {
  it("reads named events and skips heartbeat comments", () => {
    expect(parseAll([stream])).toEqual([
      { event: "conversation", data: '{"id":"c1","token":"t1"}' },
      { event: "delta", data: '{"text":"Hel"}' },
      { event: "delta", data: '{"text":"lo"}' },
      { event: "done", data: '{"messageId":"m1","mode":"ai"}' },
    ]);
  });

  it("gives the same events however the stream is split", () => {
    const whole = parseAll([stream]);
    for (let size = 1; size < 12; size++) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      expect(parseAll(chunks)).toEqual(whole);
    }
  });

  it("joins multi-line data and defaults the event name", () => {
    expect(parseAll(["data: a\ndata:b\n\n"])).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("dispatches an unterminated last event at the end of the stream", () => {
    expect(parseAll(['event: error\ndata: {"code":"X"}'])).toEqual([{ event: "error", data: '{"code":"X"}' }]);
  });
});
