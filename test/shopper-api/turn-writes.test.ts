// The writes of a chat turn (app/conversations/transcript-store.server.ts): the first
// answer moves the outcome from "open" to "answered"; later turns leave the outcome
// update out (it only ever moves away from "open"), and a handoff stays a handoff. A
// turn that opens a conversation writes its row in the same transaction as the
// shopper's message (both or neither) and only then tells the browser its id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversationStore } from "../../app/conversations/conversation-store.server";
import { createTranscriptStore } from "../../app/conversations/transcript-store.server";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { createHarness, readSse, SHOP, signedRequest, type Harness } from "./harness";

describe("conversation row updates of a chat turn", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());

  const chat = async (body: Record<string, unknown>) => readSse(await handleChat(signedRequest("/chat", { body }), h.deps));
  const row = (id: string) => h.database.db.conversation.findUniqueOrThrow({ where: { id } });

  it("answers, counts every turn, and never turns a handoff back into an answer", async () => {
    const first = await chat({ message: "hello" });
    const { id, token } = first[0]!.data as { id: string; token: string };
    expect(await row(id)).toMatchObject({ outcome: "answered", turnCount: 1 });
    await chat({ message: "again", conversationId: id, conversationToken: token });
    expect(await row(id)).toMatchObject({ outcome: "answered", turnCount: 2 });
    await h.database.db.conversation.update({ where: { id }, data: { outcome: "handed_off" } });
    const third = await chat({ message: "still there?", conversationId: id, conversationToken: token });
    expect(third.at(-1)!.event).toBe("done");
    expect(await row(id)).toMatchObject({ outcome: "handed_off", turnCount: 3 });
    expect(await h.database.db.message.count({ where: { conversationId: id } })).toBe(6);
  });
});

describe("a turn that opens a conversation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());

  const prepare = () =>
    createConversationStore({ db: h.database.db, vault: h.deps.vault }).prepare({
      shop: SHOP,
      customerId: null,
      consentState: "not_required",
    });
  const policy = { persistConversation: true, persistMessages: true, blockedBy: null };

  it("announces the conversation first, once its row and the shopper's message are stored", async () => {
    const events = await readSse(await handleChat(signedRequest("/chat", { body: { message: "hello there" } }), h.deps));
    expect(events.map((e) => e.event)).toEqual(["conversation", "delta", "delta", "done"]);
    const { id } = events[0]!.data as { id: string };
    const messages = await h.database.db.message.findMany({ where: { conversationId: id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.role)).toEqual(["shopper", "assistant"]);
  });

  it("writes the conversation and the shopper's message together: when one fails, neither is stored", async () => {
    const taken = prepare();
    await h.database.db.conversation.create({ data: taken.row });
    const clash = { ...prepare(), row: { ...prepare().row, id: taken.id } };
    let announced = 0;
    const store = createTranscriptStore({
      db: h.database.db,
      vault: h.deps.vault,
      policy,
      newConversation: { row: clash.row, onStored: () => announced++ },
    });
    await expect(store.appendShopperMessage({ shop: SHOP, conversationId: taken.id, text: "first words" })).rejects.toThrow();
    expect(announced).toBe(0);
    expect(await h.database.db.message.count({ where: { conversationId: taken.id } })).toBe(0);
  });

  it("stores the row once, at the first write, also when transcripts are off", async () => {
    const opening = prepare();
    let announced = 0;
    const store = createTranscriptStore({
      db: h.database.db,
      vault: h.deps.vault,
      policy: { ...policy, persistMessages: false },
      newConversation: { row: opening.row, onStored: () => announced++ },
    });
    expect(await h.database.db.conversation.count({ where: { id: opening.id } })).toBe(0);
    await store.appendShopperMessage({ shop: SHOP, conversationId: opening.id, text: "no transcript please" });
    expect(announced).toBe(1);
    await store.appendAssistantMessage({
      shop: SHOP,
      conversationId: opening.id,
      text: "ok",
      cards: [],
      mode: "basic",
      topic: "other",
      tokensUsed: 0,
    });
    expect(announced).toBe(1);
    expect(await h.database.db.conversation.findUniqueOrThrow({ where: { id: opening.id } })).toMatchObject({
      turnCount: 1,
      outcome: "answered",
    });
    expect(await h.database.db.message.count({ where: { conversationId: opening.id } })).toBe(0);
  });

  it("writes nothing at all when the policy stores nothing", async () => {
    const opening = prepare();
    const store = createTranscriptStore({
      db: h.database.db,
      vault: h.deps.vault,
      policy: { persistConversation: false, persistMessages: false, blockedBy: "consent_pending" },
      newConversation: { row: opening.row, onStored: () => expect.fail("nothing was stored") },
    });
    await store.appendShopperMessage({ shop: SHOP, conversationId: opening.id, text: "hi" });
    await store.appendAssistantMessage({
      shop: SHOP,
      conversationId: opening.id,
      text: "hello",
      cards: [],
      mode: "basic",
      topic: "other",
      tokensUsed: 0,
    });
    expect(await h.database.db.conversation.count({ where: { id: opening.id } })).toBe(0);
  });
});
