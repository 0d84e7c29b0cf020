import { describe, expect, it } from "vitest";
import { publishWidgetConfig } from "./publish-widget-config.server";
import { defaultShopSettings } from "./settings-schema";
import { adminOverRemixFake } from "../../test/support/admin-fixtures";

function fakeAdmin(answers: ((query: string, variables?: Record<string, unknown>) => unknown)[]) {
  const calls: { query: string; variables?: Record<string, unknown> }[] = [];
  const admin = adminOverRemixFake({
    async graphql(query, options) {
      calls.push({ query, variables: options?.variables });
      return Response.json(answers[calls.length - 1]!(query, options?.variables));
    },
  });
  return { admin, calls };
}

describe("publishWidgetConfig", () => {
  it("writes the public settings only, as a json app-data metafield on the installation", async () => {
    const { admin, calls } = fakeAdmin([
      () => ({ data: { currentAppInstallation: { id: "gid://shopify/AppInstallation/9" } } }),
      () => ({ data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/5" }], userErrors: [] } } }),
    ]);
    const settings = structuredClone(defaultShopSettings);
    settings.content.instructions = "SECRET merchant instructions";
    settings.handoff.handoffEmail = "owner@example.com";
    const result = await publishWidgetConfig(admin, settings);
    expect(result).toEqual({ ok: true, metafieldId: "gid://shopify/Metafield/5" });
    expect(calls[0]!.query).toContain("query CurrentAppInstallation");
    expect(calls[1]!.query).toContain("mutation SetWidgetConfig");
    const [input] = calls[1]!.variables!.metafields as { ownerId: string; namespace: string; key: string; type: string; value: string }[];
    expect(input).toMatchObject({
      ownerId: "gid://shopify/AppInstallation/9",
      namespace: "shop_assistant",
      key: "widget_config",
      type: "json",
    });
    const value = JSON.parse(input!.value);
    expect(Object.keys(value).sort()).toEqual([
      "aiDisclosure",
      "consentRequired",
      "greeting",
      "leadFields",
      "maxMessageLength",
      "noticeVersion",
      "orderLookup",
      "orderVerification",
      "privacyNotice",
      "privacyPolicyUrl",
    ]);
    expect(input!.value).not.toContain("SECRET");
    expect(input!.value).not.toContain("owner@example.com");
    expect(value.maxMessageLength).toBe(1000);
  });

  it("reports user errors and API failures as values", async () => {
    const rejected = fakeAdmin([
      () => ({ data: { currentAppInstallation: { id: "gid://shopify/AppInstallation/9" } } }),
      () => ({ data: { metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields"], message: "Value is invalid" }] } } }),
    ]);
    expect(await publishWidgetConfig(rejected.admin, defaultShopSettings)).toMatchObject({ ok: false, code: "WIDGET_CONFIG_REJECTED" });
    const down = adminOverRemixFake({
      graphql: async () => {
        throw new Error("ECONNREFUSED");
      },
    });
    expect(await publishWidgetConfig(down, defaultShopSettings)).toMatchObject({ ok: false, code: "ADMIN_API_UNAVAILABLE" });
  });
});
