// Issue 13, parts 3–6: every shopper in their language and market. Basic mode understands
// questions in six languages and their constraints; titles and policies come in the
// storefront's locale (translations, falling back to the primary locale) and prices in
// the storefront country's market (contextualPricing, falling back to the shop currency),
// in basic and AI mode, against the international demo store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchProducts, withoutTranslationsIfDenied } from "../../app/catalog/catalog";
import { createAdminReadCache, withCatalogCache } from "../../app/catalog/catalog-cache";
import type { Card, ProductCard } from "../../app/contracts/cards";
import { searchProductsTool } from "../../app/assistant/tools/search-products";
import { toolDefinition } from "../../app/assistant/tools/tool";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import { SHOP, settingsWith, startAssistantHarness } from "./harness";

const products = (cards: Card[]) => cards.filter((c): c is ProductCard => c.kind === "product");
const titles = (cards: Card[]) => products(cards).map((c) => c.title);
const aiOff = settingsWith({ privacy: { aiEnabled: false } });

describe("languages and markets", () => {
  let h: Awaited<ReturnType<typeof startAssistantHarness>>;
  beforeAll(async () => {
    h = await startAssistantHarness({ model: true });
  });
  afterAll(() => h.close());

  describe("basic mode understands the issue's questions", () => {
    const cases: Array<[string, string, string]> = [
      ["Habt ihr wasserdichte Wanderschuhe?", "de", "Leather Hiking Boots"],
      ["Avez-vous des bonnets en laine ?", "fr", "Ribbed Wool Beanie"],
      ["¿Tenéis botellas de agua?", "es", "Insulated Water Bottle 750 ml"],
      ["Regenjacke", "de", "Waterproof Rain Shell"],
      ["Hebben jullie een regenjas?", "nl", "Waterproof Rain Shell"],
      ["Avete uno zaino impermeabile?", "it", "Commuter Backpack 20L"],
    ];
    for (const [question, locale, first] of cases) {
      it(`"${question}" finds ${first} first (primary-locale titles without a locale)`, async () => {
        const r = await h.turn(question, { settings: aiOff });
        expect(r.done).toMatchObject({ mode: "basic" });
        expect(titles(r.cards)[0]).toBe(first);
        void locale;
      });
    }

    it("applies price limits and ranges, size, colour and stock", async () => {
      const under = await h.turn("hiking backpack under 120 euros", { settings: aiOff });
      expect(products(under.cards).length).toBeGreaterThan(0);
      expect(products(under.cards).every((c) => Number(c.price.amount) <= 120)).toBe(true);
      expect(titles(under.cards)[0]).toBe("Trail Daypack 28L");
      const range = await h.turn("zwischen 20 und 40 € Mützen", { settings: aiOff });
      expect(titles(range.cards).sort()).toEqual(
        ["Canvas Baseball Cap", "Ribbed Wool Beanie", "Wide Brim Sun Hat", "Fleece Trapper Hat"].sort(),
      );
      expect(products(range.cards).every((c) => Number(c.price.amount) >= 20 && Number(c.price.amount) <= 40)).toBe(true);
      const cheap = await h.turn("chaussettes moins de 15 euros", { settings: aiOff });
      expect(titles(cheap.cards)).toEqual(expect.arrayContaining(["Bamboo Ankle Socks", "Everyday Cotton Socks 3-Pack"]));
      expect(products(cheap.cards).every((c) => Number(c.price.amount) <= 15)).toBe(true);
      // Leather Hiking Boots: size 42 is sold out; Trail Running Shoes have it.
      const size = await h.turn("Schuhe Größe 42 auf Lager", { settings: aiOff });
      expect(titles(size.cards)).toContain("Trail Running Shoes");
      expect(titles(size.cards)).not.toContain("Leather Hiking Boots");
      expect(titles(size.cards)).not.toContain("Recovery Slides");
      const xl = await h.turn("hoodie in XL in stock", { settings: aiOff });
      expect(titles(xl.cards)).toEqual(expect.arrayContaining(["Everyday Zip Hoodie", "Organic Pullover Hoodie", "Tech Fleece Hoodie"]));
      expect(titles(xl.cards)).not.toContain("Wool Blend Cardigan"); // XL sold out
      const colour = await h.turn("sac à dos vert", { settings: aiOff });
      expect(titles(colour.cards)).toEqual(expect.arrayContaining(["Commuter Backpack 20L", "Trail Daypack 28L"]));
    });
  });

  describe("translated titles and policies, local prices", () => {
    it("shows German titles and Swiss francs on /de in Switzerland", async () => {
      const r = await h.turn("Habt ihr wasserdichte Wanderschuhe?", { settings: aiOff, locale: "de", country: "CH" });
      const boots = products(r.cards)[0]!;
      // The German handle: the widget links /de/products/leder-wanderschuhe (docs/widget.md).
      expect(boots).toMatchObject({
        title: "Leder-Wanderschuhe",
        url: "/products/leder-wanderschuhe",
        price: { amount: "179.95", currencyCode: "CHF" },
      });
      expect(r.text).toContain("Leder-Wanderschuhe: 179.95 CHF");
    });

    it("links the German handle for a German shopper in Germany, the primary one for an English shopper", async () => {
      const de = await h.turn("Habt ihr wasserdichte Wanderschuhe?", { settings: aiOff, locale: "de", country: "DE" });
      expect(products(de.cards)[0]).toMatchObject({
        title: "Leder-Wanderschuhe",
        url: "/products/leder-wanderschuhe",
        price: { currencyCode: "EUR" },
      });
      const en = await h.turn("Do you have waterproof hiking boots?", { settings: aiOff, locale: "en", country: "DE" });
      expect(products(en.cards)[0]).toMatchObject({ title: "Leather Hiking Boots", url: "/products/leather-hiking-boots" });
      // A locale without translations (Italian in the demo shop) keeps the primary handle too.
      const it_ = await h.turn("Avete uno zaino impermeabile?", { settings: aiOff, locale: "it" });
      expect(products(it_.cards)[0]).toMatchObject({ url: "/products/commuter-backpack-20l" });
    });

    it("shows French titles in pounds for the UK, Spanish ones in kroner for Denmark", async () => {
      const fr = await h.turn("Avez-vous des bonnets en laine ?", { settings: aiOff, locale: "fr", country: "GB" });
      expect(products(fr.cards)[0]).toMatchObject({ title: "Bonnet côtelé en laine", price: { amount: "21.95", currencyCode: "GBP" } });
      const es = await h.turn("¿Tenéis botellas de agua?", { settings: aiOff, locale: "es", country: "DK" });
      expect(products(es.cards)[0]).toMatchObject({
        title: "Botella de agua térmica 750 ml",
        price: { amount: "215.95", currencyCode: "DKK" },
      });
    });

    it("falls back to the primary locale and the shop currency", async () => {
      const it_ = await h.turn("Avete uno zaino impermeabile?", { settings: aiOff, locale: "it", country: "US" });
      expect(products(it_.cards)[0]).toMatchObject({ title: "Commuter Backpack 20L", price: { amount: "89.00", currencyCode: "EUR" } });
      const none = await h.turn("Regenjacke", { settings: aiOff });
      expect(products(none.cards)[0]).toMatchObject({ title: "Waterproof Rain Shell", price: { currencyCode: "EUR" } });
    });

    it("filters price limits on the shopper's market price", async () => {
      const r = await h.turn("bonnet moins de 30", { settings: aiOff, locale: "fr", country: "DK" });
      expect(r.cards).toEqual([]); // every hat costs more than 30 DKK
      const gb = await h.turn("beanie under 25", { settings: aiOff, locale: "en", country: "GB" });
      expect(titles(gb.cards)).toContain("Ribbed Wool Beanie"); // 21.95 GBP, though 25.00 EUR
    });

    it("answers policies in the shopper's language", async () => {
      const de = await h.turn("Wie lange kann ich etwas zurückgeben?", { settings: aiOff, locale: "de" });
      expect(de.text).toContain("30 Tagen");
      expect(de.cards).toContainEqual(
        expect.objectContaining({ kind: "policy", title: "Rückgaberichtlinie", url: "/policies/refund-policy" }),
      );
      const es = await h.turn("¿Cuánto cuesta el envío al Reino Unido?", { settings: aiOff, locale: "es" });
      expect(es.text).toContain("Reino Unido: 5–8 días hábiles");
      const en = await h.turn("What is your refund policy?", { settings: aiOff, locale: "en" });
      expect(en.text).toContain("30 days");
    });

    it("does the same in AI mode through the tools", async () => {
      h.openai.reset();
      const r = await h.turn("Habt ihr wasserdichte Wanderschuhe?", { locale: "de", country: "CH" });
      expect(r.done).toMatchObject({ mode: "ai" });
      const boots = products(r.cards).find((c) => c.url === "/products/leder-wanderschuhe");
      expect(boots).toMatchObject({ title: "Leder-Wanderschuhe", price: { currencyCode: "CHF" } });
      h.openai.script(
        { toolCalls: [{ name: "search_products", arguments: { query: "hoodie", maxPrice: 80, size: "XL", inStock: true } }] },
        { text: "ok" },
      );
      const sized = await h.turn("Hoodie in XL unter 80", { locale: "en" });
      expect(titles(sized.cards).sort()).toEqual(["Everyday Zip Hoodie", "Organic Pullover Hoodie"]);
      // A colour in the shopper's language matches the catalog's option value ("Black").
      h.openai.script(
        { toolCalls: [{ name: "search_products", arguments: { query: "backpack", maxPrice: 100, color: "schwarz", inStock: true } }] },
        { text: "ok" },
      );
      const black = await h.turn("Schwarzer Rucksack unter 100 €", { locale: "en" });
      expect(titles(black.cards).sort()).toEqual(["Commuter Backpack 20L", "Packable Tote"]);
    });
  });

  it("the search tool takes constraints as arguments and asks for the shop's primary language", () => {
    const definition = toolDefinition(searchProductsTool);
    expect(definition.description).toMatch(/primary language/);
    expect(Object.keys((definition.parameters as { properties: object }).properties)).toEqual([
      "query",
      "minPrice",
      "maxPrice",
      "size",
      "color",
      "inStock",
    ]);
  });

  it("caches per shop, locale and country", async () => {
    const calls: unknown[] = [];
    // Searches only (the shop's languages are read once, cached the same way).
    const counting: AdminGraphql = async (op, v) => (v?.query !== undefined && calls.push(v), h.deps.admin(op, v));
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const admin = withCatalogCache(counting, SHOP, cache);
    for (const context of [
      { locale: "de", country: "CH" },
      { locale: "de", country: "CH" },
      { locale: "fr", country: "CH" },
      { locale: "de", country: "DK" },
      {},
    ]) {
      await searchProducts(admin, { query: "beanie" }, context);
    }
    expect(calls).toHaveLength(4);
  });

  it("searches in the primary locale when the shop has not granted read_translations", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const denying: AdminGraphql = async (op, v) => {
      if (v?.query === undefined) return h.deps.admin(op, v); // the shop's languages
      seen.push(v);
      return v.locale ? { ok: false, code: "ACCESS_DENIED", message: "read_translations" } : h.deps.admin(op, v);
    };
    const result = await searchProducts(denying, { query: "waterproof hiking boots" }, { locale: "de", country: "CH" });
    expect(result.ok && result.cards[0]).toMatchObject({
      title: "Leather Hiking Boots",
      url: "/products/leather-hiking-boots",
      price: { currencyCode: "CHF" },
    });
    expect(seen.map((v) => [v.locale, v.country])).toEqual([
      ["de", "CH"],
      [undefined, "CH"],
    ]);
  });

  it("reads policies in the primary locale when the shop has not granted read_translations", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const denying: AdminGraphql = async (_op, v) => {
      seen.push(v ?? {});
      return v?.translate
        ? { ok: false, code: "ACCESS_DENIED", message: "read_translations" }
        : { ok: true, data: { products: { nodes: [] } } };
    };
    const result = await withoutTranslationsIfDenied(denying, "query", {
      first: 1,
      query: "x",
      locale: "de",
      translate: true,
      country: "CH",
      localPrices: true,
    });
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toEqual({ first: 1, query: "x", country: "CH", localPrices: true });
  });
});
