import { describe, expect, it } from "vitest";
import { chatBodySchema } from "./handle-chat.server";
import { storefrontCountry } from "./storefront-context";

describe("the storefront country of a chat message", () => {
  it("accepts ISO 3166 alpha-2 codes and ignores anything else", () => {
    expect(["DE", "gb", " ch ", "DK"].map(storefrontCountry)).toEqual(["DE", "GB", "CH", "DK"]);
    expect(["XX", "Germany", "D", "", "DEU", 42, null, { a: 1 }].map(storefrontCountry)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("is an optional body field: a known country is kept, an unknown one is ignored, never an error", () => {
    expect(chatBodySchema.parse({ message: "hi", locale: "de", country: "ch" })).toMatchObject({ locale: "de", country: "CH" });
    expect(chatBodySchema.parse({ message: "hi", country: "ZZ" }).country).toBeNull();
    expect(chatBodySchema.safeParse({ message: "hi", country: ["DE"] }).success).toBe(true);
    expect(chatBodySchema.parse({ message: "hi" }).country ?? null).toBeNull();
  });
});
