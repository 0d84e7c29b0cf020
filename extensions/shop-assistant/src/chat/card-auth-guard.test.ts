// The widget warns before sending card security codes and expiry dates (PCI DSS 3.3.1),
// in the languages it speaks. Every phrase it warns about is one the server redacts too
// (app/infra/text/redact-text.ts), so the two never disagree on what is card data.
import { describe, expect, it } from "vitest";
import { redactCardAuthData, redactCardNumbers } from "../../../../app/infra/text/redact-text";
import { containsCardAuthData } from "./card-guard";

const cardData = [
  "my cvv is 123",
  "CVC: 4567",
  "security code 321",
  "exp 12/29",
  "expiry date 03/2028",
  "valid thru 7/27",
  "4111 1111 1111 1111 12/29",
  "mon cryptogramme est 123",
  "date d'expiration : 05/27",
  "Kartenprüfnummer 123",
  "gültig bis 11/28",
  "código de seguridad 999",
  "fecha de caducidad 04/26",
  "123 cvv",
];

const ordinary = [
  "Do you have size 42 in blue?",
  "My order #1001 was placed on 12/05",
  "Can I return it within 30 days?",
  "I need 3 pairs of socks",
  "Is the jacket waterproof to 10000 mm?",
  "Postleitzahl 10115, Hausnummer 123",
];

describe("card security codes and expiry dates in the widget", () => {
  it.each(cardData)("warns about %j, which the server redacts too", (text) => {
    expect(containsCardAuthData(text)).toBe(true);
    expect(redactCardNumbers(text)).not.toBe(text);
    expect(redactCardAuthData(redactCardNumbers(text))).toMatch(/\[(security code|expiry|card •••• \d{4})\]/);
  });

  it.each(ordinary)("lets %j through", (text) => {
    expect(containsCardAuthData(text)).toBe(false);
  });
});
