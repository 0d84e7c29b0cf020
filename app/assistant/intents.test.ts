import { describe, expect, it } from "vitest";
import { detectIntent, detectLanguage, orderNameIn, productTermsIn } from "./intents";

describe("basic-mode intents", () => {
  const cases: Array<[string, string, string]> = [
    ["Where is my order #1002?", "order", "en"],
    ["Can I track my package?", "order", "en"],
    ["Où est ma commande ?", "order", "fr"],
    ["Wo ist meine Bestellung?", "order", "de"],
    ["¿Dónde está mi pedido?", "order", "es"],
    ["What is your refund policy?", "policy", "en"],
    ["Quels sont les frais de livraison ?", "policy", "fr"],
    ["Wie funktioniert die Rückgabe?", "policy", "de"],
    ["¿Cuál es la política de devolución?", "policy", "es"],
    ["I want to talk to a person", "human", "en"],
    ["Je veux parler à un conseiller", "human", "fr"],
    ["Kann ich mit einem Mitarbeiter sprechen?", "human", "de"],
    ["Quiero hablar con una persona", "human", "es"],
    ["Do you have merino socks?", "product", "en"],
    ["Je cherche un pull en laine", "product", "fr"],
    ["Ich suche Wanderschuhe", "product", "de"],
    ["Busco una chaqueta", "product", "es"],
  ];
  for (const [message, intent, language] of cases) {
    it(`${message} → ${intent} (${language})`, () => {
      expect(detectIntent(message)).toBe(intent);
      expect(detectLanguage(message)).toBe(language);
    });
  }

  it("falls back to the storefront locale when the words say nothing", () => {
    expect(detectLanguage("merino?", "de-DE")).toBe("de");
    expect(detectLanguage("merino?")).toBe("en");
  });

  it("finds order names and product words", () => {
    expect(orderNameIn("status of # 1002 please")).toBe("#1002");
    expect(orderNameIn("commande 1008")).toBe("#1008");
    expect(orderNameIn("no order here")).toBeUndefined();
    expect(productTermsIn("Do you have merino socks?")).toBe("merino socks");
  });
});
