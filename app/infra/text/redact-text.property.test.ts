// Property: whatever text a shopper types around a real-looking card number, the
// redacted text holds no Luhn-valid 13–19 digit sequence (in any formatting we accept).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsCardNumber, fold, foldChar, isLuhnValid, redactCardNumbers } from "./redact-text";

/** A Luhn-valid number of the given length: random digits plus the check digit. */
function withCheckDigit(body: number[]): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = [...body, check].join("");
    if (isLuhnValid(candidate)) return candidate;
  }
  throw new Error("unreachable: one check digit always fits");
}

const cardNumber = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map(withCheckDigit);

// How people type card numbers: grouped by 4 (or Amex 4-6-5), any of our separators.
const formatted = fc.tuple(cardNumber, fc.constantFrom("", " ", "-", ".", "\u00a0"), fc.boolean()).map(([digits, sep, amexStyle]) => {
  const groups = amexStyle ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : digits.match(/.{1,4}/g)!;
  return { digits, text: groups.filter(Boolean).join(sep) };
});

const noise = fc.string({ unit: fc.constantFrom(..."ab xyz 0123456789.-,:#\n€•[]"), maxLength: 40 });

/** Every sequence of digits separated by at most one separator, as digits only. */
function digitRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[ .\-\u00a0]?\d)*/g)].map((m) => m[0].replace(/\D/g, ""));
}

function hasLuhnWindow(digits: string): boolean {
  for (let start = 0; start < digits.length; start++) {
    for (let len = 13; len <= 19 && start + len <= digits.length; len++) {
      if (isLuhnValid(digits.slice(start, start + len))) return true;
    }
  }
  return false;
}

describe("redactCardNumbers (property)", () => {
  it("leaves no Luhn-valid 13–19 digit sequence, wherever the card sits in the text", () => {
    fc.assert(
      fc.property(noise, formatted, noise, (before, card, after) => {
        const input = `${before}${card.text}${after}`;
        expect(containsCardNumber(input)).toBe(true);
        const out = redactCardNumbers(input);
        for (const run of digitRuns(out)) expect(hasLuhnWindow(run)).toBe(false);
        expect(containsCardNumber(out)).toBe(false);
        expect(out.replace(/\D/g, "")).not.toContain(card.digits.slice(0, -4));
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent and leaves text without cards unchanged", () => {
    fc.assert(
      fc.property(noise, (text) => {
        const once = redactCardNumbers(text);
        expect(redactCardNumbers(once)).toBe(once);
        if (!containsCardNumber(text)) expect(once).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("fold (property)", () => {
  // The definition: each character folded on its own.
  const reference = (text: string) => [...text].map(foldChar).join("");
  const letters = fc.constantFrom(..."aZßẞÄöÜéÈñÇİıΣσςǅǄﬁŉ’ʼ€–🙂𝔄Ωµ\u0301\u0308 .:/0123456789");

  it("folds every character as the definition does, at the same indexes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: letters, maxLength: 40 })), (text) => {
        const folded = fold(text);
        expect(folded).toBe(reference(text));
        expect(folded.length).toBe(text.length);
      }),
      { numRuns: 5000 },
    );
  });

  it("examples", () => {
    expect(fold("Größe: 42 – Café")).toBe("große: 42 – cafe");
    expect(fold("İSTANBUL’s")).toBe("istanbul's");
    // A character outside the BMP keeps its two units, as "?" (no pattern needs it).
    expect(fold("CVV 🙂 123")).toBe("cvv ?? 123");
  });
});
