import { describe, expect, it } from "vitest";
import { describeFailure } from "./api";
import { createTranslate } from "./strings";
import en from "../../locales/en.default.json";

const t = createTranslate(en.assistant);

describe("failures shown to the shopper", () => {
  it("says when to try again after a 429", () => {
    expect(describeFailure({ status: 429, code: "RATE_LIMITED", retryAfter: 12 }, t)).toBe(
      "Too many requests. Please try again in 12 s.",
    );
  });

  it("explains too long, offline and everything else in plain words", () => {
    expect(describeFailure({ status: 413, code: "TOO_LONG", retryAfter: null }, t)).toBe("Your message is too long.");
    expect(describeFailure({ status: 0, code: "NETWORK", retryAfter: null }, t)).toMatch(/couldn't reach the store/);
    expect(describeFailure({ status: 500, code: "INTERNAL", retryAfter: null }, t)).toBe(
      "Sorry, something went wrong. Please try again.",
    );
  });

  it("fills placeholders and falls back to the key for a missing string", () => {
    expect(t("counter", { count: 3, max: 1000 })).toBe("3 of 1000 characters");
    expect(t("nope")).toBe("nope");
  });
});
