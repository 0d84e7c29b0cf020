// Issue 13, part 5: POST /chat passes the storefront's locale and country to the turn
// (presentation only); an unknown country is ignored, never an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatTurn, ChatTurnInput } from "../../app/conversations/shopper/chat-turn";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { createHarness, parseSse, signedRequest, type Harness } from "./harness";

describe("POST /chat storefront context", () => {
  let h: Harness;
  const seen: Array<Pick<ChatTurnInput, "locale" | "country">> = [];
  const recordingTurn: ChatTurn = async function* (input) {
    seen.push({ locale: input.locale, country: input.country });
    yield { type: "done", messageId: "m1", mode: "basic" };
  };
  beforeAll(async () => {
    h = await createHarness({ chatTurn: recordingTurn });
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());

  it("hands locale and a known country to the turn, and ignores an unknown country", async () => {
    for (const body of [
      { message: "Habt ihr Mützen?", locale: "de", country: "ch" },
      { message: "Hats?", locale: "en", country: "XX" },
      { message: "Hats?" },
    ]) {
      const response = await handleChat(signedRequest("/chat", { body }), h.deps);
      expect(response.status).toBe(200);
      expect(parseSse(await response.text()).map((e) => e.event)).toContain("done");
    }
    expect(seen).toEqual([
      { locale: "de", country: "CH" },
      { locale: "en", country: null },
      { locale: null, country: null },
    ]);
  });
});
