import { describe, expect, it } from "vitest";
import { parseWidgetConfig, textsFor } from "./config";

const fallback = { greeting: "Hallo", aiDisclosure: "KI", privacyNotice: "Hinweis", privacyPolicyUrl: "/policies/privacy-policy" };

describe("parseWidgetConfig", () => {
  it("uses safe defaults when the metafield is missing (rendered as null)", () => {
    expect(parseWidgetConfig(null, fallback)).toEqual({
      ...fallback,
      noticeVersion: 1,
      consentRequired: true,
      leadFields: ["name", "email", "message"],
      orderLookup: true,
      orderVerification: "logged_in_or_email",
      maxMessageLength: 1000,
    });
  });

  it("takes the merchant's public settings", () => {
    const config = parseWidgetConfig(
      {
        greeting: "Welcome!",
        consentRequired: false,
        leadFields: ["email", "phone"],
        orderVerification: "logged_in",
        maxMessageLength: 500,
        noticeVersion: 3,
        privacyPolicyUrl: "https://shop.example/policies/privacy-policy",
      },
      fallback,
    );
    expect(config).toMatchObject({
      greeting: "Welcome!",
      aiDisclosure: "KI",
      consentRequired: false,
      leadFields: ["email", "phone"],
      orderVerification: "logged_in",
      maxMessageLength: 500,
      noticeVersion: 3,
      privacyPolicyUrl: "https://shop.example/policies/privacy-policy",
    });
  });

  it("ignores broken values field by field", () => {
    const config = parseWidgetConfig(
      {
        greeting: "  ",
        consentRequired: "no",
        leadFields: ["password"],
        maxMessageLength: -5,
        noticeVersion: 1.5,
        orderVerification: "any",
      },
      fallback,
    );
    expect(config.greeting).toBe("Hallo");
    expect(config.consentRequired).toBe(true);
    expect(config.leadFields).toEqual(["name", "email", "message"]);
    expect(config.maxMessageLength).toBe(1000);
    expect(config.noticeVersion).toBe(1);
    expect(config.orderVerification).toBe("logged_in_or_email");
  });
});

describe("the merchant's texts per storefront language", () => {
  const config = parseWidgetConfig(
    {
      greeting: "Hi!",
      localizedTexts: {
        de: { greeting: "Hallo! Wie kann ich helfen?", aiDisclosure: "Sie chatten mit einer KI." },
        "pt-BR": { greeting: "Olá!" },
        "not a locale": { greeting: "x" },
        fr: { greeting: "   " },
      },
    },
    fallback,
  );

  it("shows a German storefront (de, de-CH) the merchant's German texts, others the main ones", () => {
    expect(textsFor(config, "de")).toEqual({ greeting: "Hallo! Wie kann ich helfen?", aiDisclosure: "Sie chatten mit einer KI." });
    expect(textsFor(config, "de-CH")).toEqual(textsFor(config, "de"));
    expect(textsFor(config, "pt-BR")).toEqual({ greeting: "Olá!" });
    expect(textsFor(config, "en")).toEqual({});
  });

  it("drops what is not a locale or not a text", () => {
    expect(Object.keys(config.localizedTexts ?? {}).sort()).toEqual(["de", "pt-BR"]);
  });
});
