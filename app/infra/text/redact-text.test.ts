import { describe, expect, it } from "vitest";
import { isLuhnValid, redactCardNumbers, redactContactDetails } from "./redact-text";

describe("redactCardNumbers", () => {
  const cards = [
    ["Visa", "4111 1111 1111 1111", "1111"],
    ["Mastercard", "5555-5555-5555-4444", "4444"],
    ["Amex 15", "3782 822463 10005", "0005"],
    ["Diners 14", "3056.9309.0259.04", "5904"],
    ["Discover", "6011111111111117", "1117"],
    ["JCB", "3530 1113-3330.0000", "0000"],
    ["UnionPay 19", "6212345678901234569", "4569"],
  ] as const;

  for (const [brand, number, last4] of cards) {
    it(`redacts ${brand} and keeps the last four`, () => {
      expect(isLuhnValid(number.replace(/\D/g, ""))).toBe(true);
      const out = redactCardNumbers(`my card is ${number}, thanks`);
      expect(out).toBe(`my card is [card •••• ${last4}], thanks`);
    });
  }

  it("leaves order numbers, prices and long numbers with no Luhn-valid window alone", () => {
    // Every 13–19 digit window counts (a card glued to other digits must not leak), so
    // the long number here is one none of whose windows passes Luhn.
    const text = "Order #1001 cost 49.90 EUR; tracking 1Z999AA10123456784 and 4111111111111113";
    expect(redactCardNumbers(text)).toBe(text);
  });

  it("finds a card inside a 13–19 digit run that is not valid as a whole", () => {
    expect(redactCardNumbers("ref 1 4111 1111 1111 1111")).toBe("ref 1 [card •••• 1111]");
  });

  it("finds a card glued to other digits", () => {
    const out = redactCardNumbers("order 1001 4111 1111 1111 1111");
    expect(out).toContain("[card ••••");
    expect(out).not.toContain("4111 1111 1111");
  });
});

describe("redactContactDetails", () => {
  it("redacts emails and phones only when chosen", () => {
    const text = "Mail me at jane.doe+shop@example.co.uk or call +44 (20) 7946-0958 on 2026-11-24";
    expect(redactContactDetails(text, { emails: true, phones: true })).toBe("Mail me at [email] or call [phone] on 2026-11-24");
    expect(redactContactDetails(text, { emails: false, phones: false })).toBe(text);
    expect(redactContactDetails(text, { emails: true, phones: false })).toContain("+44 (20) 7946-0958");
  });
});
