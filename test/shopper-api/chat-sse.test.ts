// The chat's event stream: frames reach the client as they are produced, heartbeats
// keep a long turn's connection alive, and a shopper who leaves aborts the turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatTurn } from "../../app/conversations/shopper/chat-turn";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { encodeSseFrame, sseResponse } from "../../app/infra/http/sse";
import { createHarness, parseSse, signedRequest, type Harness } from "./harness";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const decoder = new TextDecoder();

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: { text: string }, pattern: RegExp, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!pattern.test(seen.text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(seen.text)}`);
    const { done, value } = await reader.read();
    if (done) break;
    seen.text += decoder.decode(value, { stream: true });
  }
  return seen.text;
}

describe("chat SSE stream", () => {
  let h: Harness;
  const gate = { release: deferred(), aborted: deferred(), turnSawAbort: false };
  const slowTurn: ChatTurn = async function* ({ signal }) {
    yield { type: "delta", text: "first" };
    signal.addEventListener("abort", () => {
      gate.turnSawAbort = true;
      gate.aborted.resolve();
    });
    await Promise.race([gate.release.promise, gate.aborted.promise]);
    if (signal.aborted) return;
    yield { type: "delta", text: "second" };
    yield { type: "done", messageId: "m1", mode: "ai" };
  };

  beforeAll(async () => {
    h = await createHarness({ chatTurn: slowTurn, heartbeatMs: 30 });
    await h.setShopSettings({ privacy: { consentRequired: true } });
  });
  afterAll(() => h.cleanup());

  it("encodes one event per frame, JSON on one data line", () => {
    const frame = decoder.decode(encodeSseFrame("delta", { text: "two\nlines" }));
    expect(frame).toBe('event: delta\ndata: {"text":"two\\nlines"}\n\n');
  });

  it("sends the frames of one event-loop turn as one chunk, and later frames as they come", async () => {
    const later = deferred();
    const response = sseResponse({
      async run(sink) {
        sink.send("delta", { text: "We " });
        sink.send("delta", { text: "have " });
        sink.send("delta", { text: "boots." });
        await later.promise;
        sink.send("done", { messageId: "m1" });
      },
    });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe(
      'event: delta\ndata: {"text":"We "}\n\nevent: delta\ndata: {"text":"have "}\n\nevent: delta\ndata: {"text":"boots."}\n\n',
    );
    later.resolve();
    const second = await reader.read();
    expect(decoder.decode(second.value)).toBe('event: done\ndata: {"messageId":"m1"}\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it("delivers the first delta before the turn finishes, with heartbeats while it waits", async () => {
    gate.release = deferred();
    gate.aborted = deferred();
    const response = await handleChat(signedRequest("/chat", { body: { message: "hello" } }), h.deps);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("connection")).toBe("keep-alive");
    const reader = response.body!.getReader();
    const seen = { text: "" };
    await readUntil(reader, seen, /event: delta\ndata: \{"text":"first"\}/);
    expect(seen.text).not.toContain("second");
    await readUntil(reader, seen, /: ping\n\n/);
    gate.release.resolve();
    await readUntil(reader, seen, /event: done/);
    expect(parseSse(seen.text).map((e) => e.event)).toEqual(["delta", "delta", "done"]);
    expect((await reader.read()).done).toBe(true);
  });

  it("aborts the turn when the client disconnects (request aborted)", async () => {
    gate.release = deferred();
    gate.aborted = deferred();
    gate.turnSawAbort = false;
    const client = new AbortController();
    const response = await handleChat(signedRequest("/chat", { body: { message: "hello" }, signal: client.signal }), h.deps);
    const reader = response.body!.getReader();
    await readUntil(reader, { text: "" }, /first/);
    client.abort();
    await gate.aborted.promise;
    expect(gate.turnSawAbort).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });

  it("aborts the turn when the stream is cancelled (the server saw the socket close)", async () => {
    gate.release = deferred();
    gate.aborted = deferred();
    gate.turnSawAbort = false;
    const response = await handleChat(signedRequest("/chat", { body: { message: "hello" } }), h.deps);
    const reader = response.body!.getReader();
    await readUntil(reader, { text: "" }, /first/);
    await reader.cancel();
    await gate.aborted.promise;
    expect(gate.turnSawAbort).toBe(true);
  });

  it("turns an unexpected throw inside the turn into an error event, never a broken stream", async () => {
    const deps = {
      ...h.deps,
      chatTurn: async function* () {
        yield { type: "delta" as const, text: "partial" };
        throw new Error("boom at secret/path.ts:12");
      },
    };
    const response = await handleChat(signedRequest("/chat", { body: { message: "hello" } }), deps);
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(["delta", "error"]);
    expect(JSON.stringify(events)).not.toContain("secret/path");
  });
});
