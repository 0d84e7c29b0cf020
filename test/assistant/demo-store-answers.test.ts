// Product, policy and order answers against the demo store, in English and French, with
// the fake model (demo brain) and in basic mode (no model).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Card } from "../../app/contracts/cards";
import { startAssistantHarness } from "./harness";

const titles = (cards: Card[]) => cards.map((c) => (c.kind === "order" ? c.name : c.title));

for (const withModel of [true, false]) {
  describe(`demo store answers ${withModel ? "with the fake model" : "in basic mode"}`, () => {
    let h: Awaited<ReturnType<typeof startAssistantHarness>>;
    beforeAll(async () => {
      h = await startAssistantHarness({ model: withModel });
    });
    afterAll(() => h.close());
    const mode = withModel ? "ai" : "basic";

    it("answers a product question in English with product cards", async () => {
      const r = await h.turn("Do you have a merino tee?", { locale: "en" });
      expect(r.done).toMatchObject({ mode });
      expect(titles(r.cards)).toContain("Merino Trail Tee");
      expect(r.text).toContain("Merino Trail Tee");
      const card = r.cards.find((c) => c.kind === "product" && c.title === "Merino Trail Tee");
      expect(card).toMatchObject({ url: "/products/merino-trail-tee", price: { amount: "59.00", currencyCode: "EUR" }, available: true });
      expect(card && card.kind === "product" && /^\d+$/.test(card.variantId)).toBe(true);
    });

    it("answers a product question in French, in French, with the French titles", async () => {
      const r = await h.turn("Je cherche un t-shirt en coton", { locale: "fr" });
      expect(r.done).toMatchObject({ mode });
      expect(titles(r.cards)).toContain("T-shirt classique en coton");
      expect(r.text).toMatch(/Voici/);
    });

    it("answers a policy question in English and in French with the refund policy", async () => {
      const en = await h.turn("What is your refund policy?", { locale: "en" });
      expect(en.cards).toContainEqual(
        expect.objectContaining({ kind: "policy", title: "Refund policy", url: expect.stringMatching(/^\/policies\//) }),
      );
      expect(en.text).toMatch(/30 days/);
      const fr = await h.turn("Quelle est votre politique de retour ?", { locale: "fr" });
      expect(fr.cards.some((c) => c.kind === "policy" && c.title === "Politique de remboursement")).toBe(true);
      expect(fr.text).toMatch(/Voici ce que dit notre boutique|Extrait de notre/);
    });

    it("answers a merchant FAQ entry", async () => {
      const r = await h.turn("Do you offer gift wrapping?");
      expect(r.text).toContain("gift wrapping costs 3 EUR");
    });

    it("answers order status for the logged-in customer, in English and in French", async () => {
      const en = await h.turn("Where is my order #1002?", { scope: { customerId: "7001" }, locale: "en" });
      expect(titles(en.cards)).toEqual(["#1002"]);
      expect(en.cards[0]).toMatchObject({
        kind: "order",
        status: "On its way",
        tracking: [expect.objectContaining({ number: "DHL1002100042" })],
      });
      expect(en.text).toContain("#1002");

      const fr = await h.turn("Où est ma commande #1008 ?", { scope: { customerId: "gid://shopify/Customer/7003" }, locale: "fr" });
      expect(titles(fr.cards)).toEqual(["#1008"]);
      expect(fr.cards[0]).toMatchObject({ kind: "order", status: "En cours de livraison" });
      expect(fr.text).toMatch(/commande/i);
    });

    it("asks a guest to log in or verify, and never shows an order it cannot see", async () => {
      const r = await h.turn("Where is my order #1002?", { locale: "en" });
      expect(r.cards).toEqual([]);
      expect(r.text).toMatch(/log in/);
      const other = await h.turn("Where is my order #1005?", { scope: { customerId: "7001" } });
      expect(other.cards).toEqual([]);
    });

    it("hands off to a person", async () => {
      const r = await h.turn("Can I talk to a person?");
      expect(r.done).toMatchObject({ handoff: true });
      expect(h.transcript.messages.at(-1)?.topic).toBe("handoff");
    });

    it("stores the redacted transcript with mode and topic", async () => {
      await h.turn("My email is jane@example.com, do you have socks?", { conversationId: "stored" });
      const stored = h.transcript.messages.filter((m) => m.conversationId === "stored");
      expect(stored.map((m) => m.role)).toEqual(["shopper", "assistant"]);
      expect(stored[0]!.text).toBe("My email is [email], do you have socks?");
      expect(stored[1]).toMatchObject({ mode, topic: "product" });
    });
  });
}
