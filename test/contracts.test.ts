// The contracts module (app/contracts) is the one source of the formats the app, the
// widget, shopify.app.toml and the demo's fakes share. These checks fail when one of
// them drifts from it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../app/contracts/admin-api";
import { MAX_MESSAGE_LENGTH } from "../app/contracts/limits";
import { defaultShopSettings } from "../app/settings/settings-schema";
import { widgetConfigFromSettings } from "../app/settings/widget-config";
import { parseWidgetConfig } from "../extensions/shop-assistant/src/config";
import { readAppToml, type TomlTable } from "./support/app-toml";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("contracts", () => {
  it("the Admin API version is the one shopify.app.toml subscribes with and the Shopify library knows", () => {
    expect((readAppToml().webhooks as TomlTable).api_version).toBe(ADMIN_API_VERSION);
    expect(Object.values(ApiVersion)).toContain(ADMIN_API_VERSION);
  });

  it("no other source file spells an Admin API version", () => {
    const offenders = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "demo"))]
      .filter((file) => !file.endsWith(path.join("contracts", "admin-api.ts")))
      .filter((file) => /["'`]20\d\d-(01|04|07|10)["'`]|ApiVersion\.[A-Z][a-z]+\d\d/.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("the widget reads back exactly the configuration the app publishes", () => {
    const settings = {
      ...defaultShopSettings,
      privacy: { ...defaultShopSettings.privacy, privacyPolicyUrl: "https://shop.example/policies/privacy-policy" },
    };
    const published = widgetConfigFromSettings(settings);
    const fallback = { greeting: "x", aiDisclosure: "x", privacyNotice: "x", privacyPolicyUrl: "x" };
    expect(parseWidgetConfig(JSON.parse(JSON.stringify(published)), fallback)).toEqual(published);
    expect(published.maxMessageLength).toBe(MAX_MESSAGE_LENGTH);
  });

  it("the widget imports the contracts as types only", () => {
    for (const file of sourceFiles(path.join(root, "extensions", "shop-assistant", "src"))) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (line.includes("contracts/")) expect(line, path.relative(root, file)).toMatch(/^import type /);
      }
    }
  });
});
