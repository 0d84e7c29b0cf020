// The writes of a chat turn (app/conversations/transcript-store.server.ts): the first
// answer moves the outcome from "open" to "answered"; later turns leave the outcome
// update out (it only ever moves away from "open"), and a handoff stays a handoff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleChat } from "../../app/shopper-api/handle-chat.server";
import { createHarness, readSse, signedRequest, type Harness } from "./harness";

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
