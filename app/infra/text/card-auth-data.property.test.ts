// Card security codes (CVV/CVC/CID, PIN) and expiry dates, next to card words in the
// widget's languages (en, fr, de, es) or next to a card number, never survive
// redactCardNumbers (PCI DSS 3.3.1: sensitive authentication data is never kept).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCardAuthRules, CARD_AUTH_WORDS, fold, isLuhnValid, redactCardAuthData, redactCardNumbers } from "./redact-text";

function withCheckDigit(body: number[]): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = [...body, check].join("");
    if (isLuhnValid(candidate)) return candidate;
  }
  throw new Error("unreachable");
}

const cardNumber = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map(withCheckDigit)
  .chain((digits) => fc.constantFrom(" ", "-", "").map((sep) => digits.match(/.{1,4}/g)!.join(sep)));

const cvv = fc.integer({ min: 0, max: 9999 }).chain((n) => fc.constantFrom(String(n).padStart(3, "0"), String(n).padStart(4, "0")));
const expiry = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.integer({ min: 24, max: 45 }), fc.boolean(), fc.constantFrom("/", " / "))
  .map(([month, pad, year, long, sep]) => `${pad ? String(month).padStart(2, "0") : month}${sep}${long ? 2000 + year : year}`);
// Words and spaces only: every digit in a sentence below is card data.
const filler = fc.string({ unit: fc.constantFrom(..."abdfghjklmnoqrstuwxyz "), maxLength: 20 }).map((s) => ` ${s} `);

type Template = (card: string, exp: string, code: string) => string;
const TEMPLATES: Array<[string, Template]> = [
  ["en", (card, exp, code) => `my card ${card} exp ${exp} cvv ${code}`],
  ["en", (card, exp, code) => `card number ${card}, expires ${exp}, security code ${code}`],
  ["en", (card, exp, code) => `${code} is the CVC of my Visa ${card}, valid thru ${exp}`],
  ["en", (card, exp, code) => `${card} ${exp} ${code}`],
  ["en", (_card, exp, code) => `Expiration date: ${exp}. Card verification value: ${code}`],
  ["fr", (card, exp, code) => `ma carte ${card} date d'expiration ${exp} cryptogramme ${code}`],
  ["fr", (card, exp, code) => `Carte bancaire ${card}, expire le ${exp}, code de sécurité : ${code}`],
  ["de", (card, exp, code) => `meine Kreditkarte ${card}, gültig bis ${exp}, Prüfnummer ${code}`],
  ["de", (card, exp, code) => `Karte ${card} Ablaufdatum ${exp} Kartenprüfnummer lautet ${code}`],
  ["es", (card, exp, code) => `mi tarjeta ${card}, vence ${exp}, código de seguridad ${code}`],
  ["es", (card, exp, code) => `Tarjeta de crédito ${card} fecha de caducidad ${exp} CVV ${code}`],
  ["es", (_card, exp, code) => `la tarjeta caduca ${exp} y el código de seguridad es ${code}`],
];

/** The text without the "[card •••• 1234]" markers (their last four are allowed). */
const outsideMarkers = (text: string) => text.replace(/\[card •••• \d{4}\]/g, "");

describe("card security codes and expiry dates (property)", () => {
  it("leaves no digit of the card, its expiry or its security code, in any of the widget's languages", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        filler,
        cardNumber,
        expiry,
        cvv,
        filler,
        ([, template], before, card, exp, code, after) => {
          const input = `${before}${template(card, exp, code)}${after}`;
          const out = redactCardNumbers(input);
          expect(outsideMarkers(out), `${input} → ${out}`).not.toMatch(/\d/);
          expect(redactCardNumbers(out)).toBe(out);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("leaves text without card words or card numbers as it was (order numbers, prices, dates, sizes)", () => {
    const safe = fc.constantFrom(
      "order",
      "#1001",
      "costs",
      "49.90",
      "EUR",
      "size",
      "42",
      "delivered",
      "12/29",
      "on",
      "2026-11-24",
      "2",
      "pairs",
      "of",
      "socks",
      "commande",
      "taille",
      "Bestellung",
      "Größe",
      "pedido",
      "talla",
      "123",
      "code",
      "promo",
      "WINTER25",
      "room",
      "4",
      "for",
      "the",
      "expert",
    );
    fc.assert(
      fc.property(fc.array(safe, { maxLength: 12 }), (parts) => {
        // Joined with commas: digits glued by spaces into 13+ digit runs are the card-number rule's business.
        const text = parts.join(", ");
        expect(redactCardNumbers(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  // redactCardAuthData skips text in which no rule has an anchor (no card, code or expiry
  // word, no redacted card number); that shortcut must never change what comes out. Texts
  // of digits, dates and codes among every keyword of the rules (as written, upper case,
  // capitalised), their near misses (a letter glued before or after: "cards", "xcvv"),
  // other words, accented ones among them, and the markers themselves.
  it("the shortcut for text with no card word or marker never changes the result", () => {
    const keyword = fc
      .tuple(fc.constantFrom(...CARD_AUTH_WORDS), fc.constantFrom("as written", "upper", "capitalised", "letter after", "letter before"))
      .map(([word, form]) => {
        if (form === "upper") return word.toUpperCase();
        if (form === "capitalised") return word[0]!.toUpperCase() + word.slice(1);
        if (form === "letter after") return `${word}s`;
        if (form === "letter before") return `x${word}`;
        return word;
      });
    const token = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom("123", "4567", "12/29", "1 / 2024", "03-27", "2026", "42", "#1001", "49.90", "12 26", "999999"),
      },
      {
        weight: 6,
        arbitrary: fc.constantFrom("order", "size", "Größe", "pedido", "taille", "expo", "expert", "Kartei", "codes", "café", "ÉTÉ", "the"),
      },
      { weight: 2, arbitrary: keyword },
      { weight: 1, arbitrary: fc.constantFrom("[card •••• 1111]", "[expiry]", "[security code]", "[CARD •••• 4242]") },
    );
    const separator = fc.constantFrom(" ", ", ", ": ", "\n", ". ", " - ", "/", "");
    const text = fc.array(fc.tuple(token, separator), { maxLength: 14 }).map((parts) => parts.map(([t, s]) => t + s).join(""));
    fc.assert(
      fc.property(text, (input) => {
        expect(redactCardAuthData(input)).toBe(applyCardAuthRules(input));
      }),
      { numRuns: 5000 },
    );
    // The samples exercise both sides: texts the shortcut skips and texts the rules change.
    const samples = fc.sample(text, { numRuns: 2000, seed: 7 });
    // (Skipped for sure: digits, and no keyword even as part of a word, no marker.)
    const skipped = (t: string) => /\d/.test(t) && !t.includes("[") && !CARD_AUTH_WORDS.some((word) => fold(t).includes(word));
    expect(samples.filter(skipped).length).toBeGreaterThan(200);
    expect(samples.filter((t) => applyCardAuthRules(t) !== t).length).toBeGreaterThan(200);
  });

  it("examples: what the widget's warning should match too", () => {
    expect(redactCardAuthData("CVV: 123, valid thru 01/2030")).toBe("CVV: [security code], valid thru [expiry]");
    expect(redactCardAuthData("CVV2: 123")).toBe("CVV2: [security code]");
    expect(redactCardAuthData("123 is my cvv")).toBe("[security code] is my cvv");
    expect(redactCardAuthData("PIN 1234 please")).toBe("PIN [security code] please");
    expect(redactCardNumbers("4111111111111111 12 26")).toBe("[card •••• 1111] [expiry]");
    expect(redactCardNumbers("Le cryptogramme visuel est 456 et la date d'expiration 11/27")).toBe(
      "Le cryptogramme visuel est [security code] et la date d'expiration [expiry]",
    );
    expect(redactCardNumbers("Kartenprüfnummer lautet 789, gültig bis 03/28")).toBe(
      "Kartenprüfnummer lautet [security code], gültig bis [expiry]",
    );
    expect(redactCardNumbers("El código de seguridad es 321 y vence 04/29")).toBe(
      "El código de seguridad es [security code] y vence [expiry]",
    );
    // A card word makes a bare MM/YY an expiry; without one, a date stays.
    expect(redactCardNumbers("my visa 12/29")).toBe("my visa [expiry]");
    expect(redactCardNumbers("delivered 12/29, order #1001")).toBe("delivered 12/29, order #1001");
    expect(redactCardNumbers("gift card balance 25/50")).toBe("gift card balance 25/50");
  });
});
