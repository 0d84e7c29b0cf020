// The consent step and the lead's confirmation live in the conversation's state, not in
// what the panel shows: these run without a DOM (fetch and localStorage stubbed).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConversationReadResponse } from "../../../../app/contracts/chat-events";
import en from "../../locales/en.default.json";
import { createConversation } from "./conversation";
import { createTranslate } from "./strings";
import type { Transcript } from "./transcript";

const t = createTranslate(en.assistant);

function setup(consentVersion: number) {
  const lines: string[] = [];
  const transcript: Transcript = {
    element: {} as HTMLElement,
    add(role, text = "") {
      lines.push(`${role}: ${text}`);
      return {
        element: { classList: { add() {} } } as unknown as HTMLElement,
        append: (more) => void (lines[lines.length - 1] += more),
        addCard() {},
      };
    },
    typing() {},
    clear: () => void (lines.length = 0),
  };
  const conversation = createConversation({
    proxy: "/apps/assistant",
    locale: "en",
    transcript,
    cards: { t, origin: "https://shop.example", locale: "en", root: "", addToCart: async () => true },
    onSession() {},
    onHandoff() {},
    consentVersion,
  });
  return { conversation, lines };
}

const store = new Map<string, string>();
const requests: string[] = [];
let transcriptMessages: ConversationReadResponse["messages"] = [];

beforeEach(() => {
  store.clear();
  requests.length = 0;
  transcriptMessages = [];
  vi.stubGlobal("localStorage", { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal("fetch", async (url: string) => {
    requests.push(url);
    if (url.endsWith("/chat")) {
      const body = 'event: conversation\ndata: {"id":"c-1","token":"t-1"}\n\nevent: delta\ndata: {"text":"Hello"}\n\n';
      return new Response(body, { headers: { "Content-Type": "text/event-stream" } });
    }
    if (url.includes("/conversations/")) {
      const read: ConversationReadResponse = {
        conversation: { id: "c-1", consentState: "accepted", orderVerified: false, outcome: "open" },
        messages: transcriptMessages,
      };
      return Response.json(read);
    }
    return Response.json({ ok: true });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("the consent step, enforced in the widget's state", () => {
  it("sends nothing (no message, no lead, no verification) before the shopper consents", async () => {
    const { conversation, lines } = setup(2);
    expect(conversation.allowed()).toBe(false);
    await conversation.send("hello");
    expect((await conversation.lead({ email: "a@example.org" })).error).toBeTruthy();
    expect((await conversation.verifyOrder("#1001", "a@example.org")).error).toBeTruthy();
    expect(requests).toEqual([]);
    expect(lines).toEqual([]);

    expect(await conversation.consent(2)).toBeNull();
    expect(conversation.allowed()).toBe(true);
    await conversation.send("hello");
    expect(requests).toEqual(["/apps/assistant/consent", "/apps/assistant/chat"]);
    expect(lines).toEqual(["user: hello", "assistant: Hello"]);
  });

  it("asks again when the notice changed, and not at all when the merchant does not ask", async () => {
    store.set("shop-assistant", JSON.stringify({ consent: 1 }));
    expect(setup(2).conversation.allowed()).toBe(false);
    expect(setup(1).conversation.allowed()).toBe(true);
    store.clear();
    const { conversation } = setup(0);
    expect(conversation.allowed()).toBe(true);
    await conversation.send("hi");
    expect(requests).toEqual(["/apps/assistant/chat"]);
  });

  it("declining forgets the consent: sending is refused again", async () => {
    const { conversation } = setup(1);
    await conversation.consent(1);
    await conversation.decline();
    expect(conversation.allowed()).toBe(false);
  });
});

describe("the lead's confirmation after a reload", () => {
  it("is put back where it was sent in the restored transcript", async () => {
    const first = setup(1);
    await first.conversation.consent(1);
    await first.conversation.send("Can someone call me?");
    const sentAt = Date.now();
    await first.conversation.lead({ name: "Gina", email: "gina@example.org" });
    expect(JSON.parse(store.get("shop-assistant")!).lead).toBeGreaterThanOrEqual(sentAt);

    const at = (ms: number) => new Date(ms).toISOString();
    transcriptMessages = [
      { id: "1", role: "shopper", text: "Can someone call me?", cards: [], mode: "basic", createdAt: at(sentAt - 2000) },
      { id: "2", role: "assistant", text: "Hello", cards: [], mode: "basic", createdAt: at(sentAt - 1000) },
      { id: "3", role: "shopper", text: "Thanks", cards: [], mode: "basic", createdAt: at(sentAt + 60_000) },
    ];
    const reloaded = setup(1);
    await reloaded.conversation.resume();
    expect(reloaded.lines).toEqual([
      "user: Can someone call me?",
      "assistant: Hello",
      `assistant: ${en.assistant.lead_sent}`,
      "user: Thanks",
    ]);
  });

  it("is not shown when no lead was sent", async () => {
    store.set("shop-assistant", JSON.stringify({ id: "c-1", token: "t-1", consent: 1 }));
    transcriptMessages = [{ id: "1", role: "shopper", text: "Hi", cards: [], mode: "basic", createdAt: new Date().toISOString() }];
    const { conversation, lines } = setup(1);
    await conversation.resume();
    expect(lines).toEqual(["user: Hi"]);
  });
});

describe("the shopper's download and delete", () => {
  const stored = () => JSON.parse(store.get("shop-assistant") ?? "{}");
  beforeEach(() => store.set("shop-assistant", JSON.stringify({ id: "c-1", token: "t-1", consent: 1, lead: 1 })));

  it("fetches the export and deletes with the token in a header, then forgets the conversation and its consent", async () => {
    const sent: Array<{ url: string; method: string; token: string | null }> = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method ?? "GET", token: new Headers(init.headers).get("x-conversation-token") });
      return Response.json(
        url.endsWith("/export") ? { format: "privacy-shop-assistant/conversation-export" } : { deleted: { conversations: 1 } },
      );
    });
    const { conversation } = setup(1);
    expect((await conversation.exportJson()).value).toEqual({ format: "privacy-shop-assistant/conversation-export" });
    expect(await conversation.remove()).toBeNull();
    expect(sent).toEqual([
      { url: "/apps/assistant/conversations/c-1/export", method: "GET", token: "t-1" },
      { url: "/apps/assistant/conversations/c-1/delete", method: "POST", token: "t-1" },
    ]);
    expect(conversation.hasConversation()).toBe(false);
    expect(conversation.allowed()).toBe(false); // a new conversation asks for consent again
    expect(stored()).toEqual({});
  });

  it("a 404 (already gone) forgets it too; any other failure keeps it and says so", async () => {
    let status = 503;
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "X", message: "x" } }, { status }));
    const { conversation } = setup(1);
    expect(await conversation.remove()).toBe(en.assistant.error);
    expect(conversation.hasConversation()).toBe(true);
    status = 404;
    expect(await conversation.remove()).toBeNull();
    expect(stored()).toEqual({});
  });
});
