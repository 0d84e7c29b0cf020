// Issue 13, part 1: the assistant shows only products published on the Online Store.
// The demo store holds one product of each kind: a draft (Vintage Wash Crewneck), an
// archived one (Insulated Parka), an active one that is not published on the Online Store
// (Headlamp 300 Lumen) and published ones (Merino Trail Tee). Checked for search, details
// and cards, directly, in basic mode and in AI mode (the OpenAI fake calling the tools).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productDetails, searchProducts } from "../../app/catalog/catalog";
import type { Card } from "../../app/contracts/cards";
import { loadDemoStore } from "../../demo/store/load-store";
import { settingsWith, startAssistantHarness } from "./harness";

const CASES = [
  { kind: "draft", title: "Vintage Wash Crewneck", handle: "vintage-wash-crewneck", words: "vintage crewneck", shown: false },
  { kind: "archived", title: "Insulated Parka", handle: "insulated-parka", words: "insulated parka", shown: false },
  { kind: "unpublished", title: "Headlamp 300 Lumen", handle: "headlamp-300-lumen", words: "headlamp", shown: false },
  { kind: "published", title: "Merino Trail Tee", handle: "merino-trail-tee", words: "merino trail tee", shown: true },
] as const;

const aiOff = settingsWith({ privacy: { aiEnabled: false } });
const titles = (cards: Card[]) => cards.flatMap((c) => (c.kind === "product" ? [c.title] : []));

describe("published only", () => {
  let h: Awaited<ReturnType<typeof startAssistantHarness>>;
  beforeAll(async () => {
    h = await startAssistantHarness({ model: true });
  });
  afterAll(() => h.close());

  it("the demo store has one product of each publication state", () => {
    const store = loadDemoStore();
    const state = (title: string) => {
      const p = store.products.find((x) => x.title === title)!;
      return p.status !== "ACTIVE" ? p.status.toLowerCase() : p.publishedAt ? "published" : "unpublished";
    };
    expect(CASES.map((c) => state(c.title))).toEqual(CASES.map((c) => c.kind));
  });

  for (const c of CASES) {
    describe(`a ${c.kind} product`, () => {
      it(`is ${c.shown ? "" : "never "}found by search and details`, async () => {
        const search = await searchProducts(h.deps.admin, { query: c.words });
        expect(search.ok && titles(search.cards).includes(c.title)).toBe(c.shown);
        const details = await productDetails(h.deps.admin, { handle: c.handle });
        expect(details.ok).toBe(c.shown);
        if (!c.shown) expect(details).toEqual({ ok: false, code: "NOT_FOUND" });
        const byId = await productDetails(h.deps.admin, { id: loadDemoStore().products.find((p) => p.handle === c.handle)!.id });
        expect(byId.ok).toBe(c.shown);
      });

      it(`is ${c.shown ? "" : "never "}shown as a card in basic mode`, async () => {
        const r = await h.turn(`Do you have a ${c.words}?`, { locale: "en", settings: aiOff });
        expect(r.done).toMatchObject({ mode: "basic" });
        expect(titles(r.cards).includes(c.title)).toBe(c.shown);
        expect(r.text.includes(c.title)).toBe(c.shown);
      });

      it(`is ${c.shown ? "" : "never "}shown by the AI's search and details tools`, async () => {
        h.openai.reset();
        h.openai.script(
          {
            toolCalls: [
              { name: "search_products", arguments: { query: c.words } },
              { name: "product_details", arguments: { handle: c.handle } },
            ],
          },
          { text: "Done." },
        );
        const r = await h.turn(`Do you have a ${c.words}?`, { locale: "en" });
        expect(r.done).toMatchObject({ mode: "ai" });
        expect(titles(r.cards).includes(c.title)).toBe(c.shown);
        const toolAnswers = h.openai.requests
          .at(-1)!
          .messages.filter((m) => m.role === "tool")
          .map((m) => m.content ?? "");
        expect(toolAnswers.join("\n").includes(c.title)).toBe(c.shown);
        if (!c.shown) expect(toolAnswers[1]).toContain("NOT_FOUND");
      });
    });
  }
});
