import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { containsCardNumber, passesLuhn } from "./card-guard";

describe("card-number guard", () => {
  it("blocks Luhn-valid card numbers with spaces, dashes or dots", () => {
    for (const text of [
      "my card is 4111111111111111",
      "4111 1111 1111 1111",
      "4111-1111-1111-1111 exp 12/29",
      "5555.5555.5555.4444",
      "amex 3782 822463 10005",
      "visa 4222222222222",
      "qty 2 4111 1111 1111 1111",
      "19 digits 6011 0009 9013 9424 8",
    ]) {
      expect(containsCardNumber(text), text).toBe(true);
    }
  });

  it("finds a card pasted next to other digits", () => {
    expect(containsCardNumber("order 1001 4111 1111 1111 1111")).toBe(true);
  });

  it("lets ordinary numbers through", () => {
    for (const text of [
      "where is order #1001?",
      "call me on +44 20 7946 0958",
      "4111 1111 1111 1112", // fails Luhn
      "123456789012", // 12 digits
      "tracking 1Z999AA10123456784",
      "size 42, qty 3",
    ]) {
      expect(containsCardNumber(text), text).toBe(false);
    }
  });

  it("agrees with Luhn for every 13-19 digit number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{12,18}$/), (digits) => {
        expect(containsCardNumber(`pay with ${digits} please`)).toBe(passesLuhn(digits));
      }),
    );
  });
});
