// Issue 13, part 5: the widget sends the storefront's locale and country with each chat
// message (body fields `locale` and `country`), and no country when the theme has none.
import { afterEach, describe, expect, it, vi } from "vitest";
import en from "../../locales/en.default.json";
import { createConversation } from "./conversation";
import { createTranslate } from "./strings";
import type { Transcript } from "./transcript";

const bodies: Array<Record<string, unknown>> = [];
const transcript: Transcript = {
  element: {} as HTMLElement,
  add: () => ({ element: { classList: { add() {} } } as unknown as HTMLElement, append() {}, addCard() {} }),
  typing() {},
  clear() {},
};

function conversation(country?: string) {
  const t = createTranslate(en.assistant);
  return createConversation({
    proxy: "/apps/assistant",
    locale: "de",
    country,
    transcript,
    cards: { t, origin: "https://shop.example", locale: "de", root: "/de", addToCart: async () => true },
    onSession() {},
    onHandoff() {},
    consentVersion: 0,
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the chat body's storefront context", () => {
  it("carries locale and country, and leaves country out when the storefront has none", async () => {
    vi.stubGlobal("localStorage", { getItem: () => null, setItem() {} });
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response('event: done\ndata: {"messageId":"m","mode":"basic"}\n\n', { headers: { "Content-Type": "text/event-stream" } });
    });
    await conversation("CH").send("Habt ihr Mützen?");
    await conversation("").send("Habt ihr Mützen?");
    expect(bodies[0]).toMatchObject({ message: "Habt ihr Mützen?", locale: "de", country: "CH" });
    expect(bodies[1]).toMatchObject({ locale: "de" });
    expect(bodies[1]).not.toHaveProperty("country");
  });
});
