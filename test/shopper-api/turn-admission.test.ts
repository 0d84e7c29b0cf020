// One turn per conversation at a time: a second message on a conversation whose turn
// is still streaming gets 429 with Retry-After at once, before any database work; a
// request with a wrong token cannot hold the owner's conversation; the slot is free
// again when the stream ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import type { ChatTurn } from "../../app/conversations/shopper/chat-turn";
import { createHarness, readSse, signedRequest, type Harness } from "./harness";

let release: () => void = () => {};
const heldTurn: ChatTurn = async function* ({ shop, conversationId, message, store }) {
  await store.appendShopperMessage({ shop: shop.shop, conversationId, text: message });
  if (message === "hold") await new Promise<void>((resolve) => (release = resolve));
  const { messageId } = await store.appendAssistantMessage({
    shop: shop.shop,
    conversationId,
    text: "ok",
    cards: [],
    mode: "basic",
    topic: "other",
    tokensUsed: 0,
  });
  yield { type: "done", messageId, mode: "basic" };
};

describe("one turn per conversation at a time", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ chatTurn: heldTurn });
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());

  it("refuses a second turn while the first streams, lets a wrong token through to its 404, and frees the slot after", async () => {
    const opened = await readSse(await handleChat(signedRequest("/chat", { body: { message: "hi" } }), h.deps));
    const { id, token } = opened[0]!.data as { id: string; token: string };
    const body = (message: string, conversationToken = token) => ({ body: { conversationId: id, conversationToken, message } });

    const first = await handleChat(signedRequest("/chat", body("hold")), h.deps);
    expect(first.status).toBe(200);
    const second = await handleChat(signedRequest("/chat", body("again")), h.deps);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await second.json()).error.code).toBe("RATE_LIMITED");
    const forged = await handleChat(signedRequest("/chat", body("x", "A".repeat(43))), h.deps);
    expect(forged.status).toBe(404);

    release();
    expect((await readSse(first)).at(-1)?.event).toBe("done");
    const third = await handleChat(signedRequest("/chat", body("after")), h.deps);
    expect(third.status).toBe(200);
    expect((await readSse(third)).at(-1)?.event).toBe("done");
  });
});
