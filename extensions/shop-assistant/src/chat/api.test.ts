import { afterEach, describe, expect, it, vi } from "vitest";
import { describeFailure, describeVerifyFailure, requestJson, type Failure } from "./api";
import { createTranslate } from "./strings";
import en from "../../locales/en.default.json";

const t = createTranslate(en.assistant);

describe("failures shown to the shopper", () => {
  it("says when to try again after a 429", () => {
    expect(describeFailure({ status: 429, code: "RATE_LIMITED", retryAfter: 12 }, t)).toBe("Too many requests. Please try again in 12 s.");
  });

  it("explains too long, offline and everything else in plain words", () => {
    expect(describeFailure({ status: 413, code: "TOO_LONG", retryAfter: null }, t)).toBe("Your message is too long.");
    expect(describeFailure({ status: 0, code: "NETWORK", retryAfter: null }, t)).toMatch(/couldn't reach the store/);
    expect(describeFailure({ status: 500, code: "INTERNAL", retryAfter: null }, t)).toBe("Sorry, something went wrong. Please try again.");
  });

  it("fills placeholders and falls back to the key for a missing string", () => {
    expect(t("counter", { count: 3, max: 1000 })).toBe("3 of 1000 characters");
    expect(t("nope")).toBe("nope");
  });
});

describe("order verification failures", () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown) => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
    return requestJson("/apps/assistant/verify-order", { orderNumber: "#1001", email: "a@example.com" });
  };
  const failureOf = async (status: number, body: unknown): Promise<Failure> => {
    const result = await answer(status, body);
    if (result.ok) throw new Error("expected a failure");
    return result.failure;
  };

  it("shows the server's own words for a 403 (log in, look-ups off, no consent)", async () => {
    const login = "Please log in to your account to see your orders."; // the server's text (order-verification.server.ts)
    const forbidden = await failureOf(403, { error: { code: "FORBIDDEN", message: login } });
    expect(forbidden).toMatchObject({ status: 403, code: "FORBIDDEN", message: login });
    expect(describeVerifyFailure(forbidden, t)).toBe(login);
    const consent = await failureOf(403, { error: { code: "CONSENT_REQUIRED", message: "Please accept the privacy notice first." } });
    expect(describeVerifyFailure(consent, t)).toBe("Please accept the privacy notice first.");
  });

  it("keeps one generic line for a wrong number or email, and the usual lines otherwise", async () => {
    const wrong = await failureOf(422, { error: { code: "VERIFICATION_FAILED", message: "We could not verify that order." } });
    expect(describeVerifyFailure(wrong, t)).toBe(t("verify_failed"));
    expect(describeVerifyFailure(await failureOf(403, "not json"), t)).toBe(t("verify_failed"));
    expect(describeVerifyFailure(await failureOf(429, { error: { code: "RATE_LIMITED", message: "Too many attempts." } }), t)).toBe(
      "Too many requests. Please try again in 30 s.",
    );
    expect(describeVerifyFailure({ status: 0, code: "NETWORK", retryAfter: null }, t)).toMatch(/couldn't reach the store/);
  });
});
