import { describe, expect, it } from "vitest";
import { defaultShopSettings, parseStoredSettings, privacySettingsSchema } from "./settings-schema";

describe("shop settings schema", () => {
  it("fills every field with a default for a new shop", () => {
    expect(parseStoredSettings("{}")).toEqual(defaultShopSettings);
    expect(defaultShopSettings.privacy.retentionDays).toBe(90);
    expect(defaultShopSettings.privacy.consentRequired).toBe(true);
  });

  it("keeps stored values and falls back to defaults for broken JSON", () => {
    expect(parseStoredSettings('{"privacy":{"retentionDays":30}}').privacy.retentionDays).toBe(30);
    expect(parseStoredSettings("not json")).toEqual(defaultShopSettings);
  });

  it("accepts only http(s) privacy-policy links", () => {
    for (const url of ["https://shop.example/policies/privacy", "http://shop.example/p", ""]) {
      expect(privacySettingsSchema.safeParse({ privacyPolicyUrl: url }).success).toBe(true);
    }
    for (const url of ["javascript:alert(1)", "data:text/html,<script>1</script>", "ftp://x.example/p"]) {
      expect(privacySettingsSchema.safeParse({ privacyPolicyUrl: url }).success).toBe(false);
    }
  });

  it("bounds retention to 1–730 days", () => {
    expect(privacySettingsSchema.safeParse({ retentionDays: 0 }).success).toBe(false);
    expect(privacySettingsSchema.safeParse({ retentionDays: 731 }).success).toBe(false);
    expect(privacySettingsSchema.safeParse({ retentionDays: 730 }).success).toBe(true);
  });
});
