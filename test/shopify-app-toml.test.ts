// shopify.app.toml is what Shopify installs: minimal scopes, the compliance
// webhooks, and the app proxy the storefront widget talks through.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseToml, readAppToml, type TomlTable } from "./support/app-toml";

const root = path.resolve(import.meta.dirname, "..");
const toml = readAppToml();
const table = (value: unknown) => value as TomlTable;
const subscriptions = table(toml.webhooks).subscriptions as TomlTable[];

describe("shopify.app.toml", () => {
  it("asks only for read_products, read_orders, read_legal_policies, read_translations and read_locales", () => {
    expect(String(table(toml.access_scopes).scopes).split(",").sort()).toEqual([
      "read_legal_policies",
      "read_locales",
      "read_orders",
      "read_products",
      "read_translations",
    ]);
  });

  it("is an embedded app that uses the Admin API version of the vendored schema", () => {
    expect(toml.embedded).toBe(true);
    expect(table(toml.webhooks).api_version).toBe("2026-01");
    expect(table(toml.pos).embedded).toBe(false);
  });

  it("declares the three compliance topics and the app lifecycle webhooks", () => {
    const compliance = subscriptions.find((s) => s.compliance_topics);
    expect(compliance?.compliance_topics).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
    expect(compliance?.uri).toBe("/webhooks/compliance");
    const topics = Object.fromEntries(subscriptions.flatMap((s) => ((s.topics as string[]) ?? []).map((t) => [t, s.uri])));
    expect(topics).toEqual({ "app/uninstalled": "/webhooks/app/uninstalled", "app/scopes_update": "/webhooks/app/scopes_update" });
  });

  it("names, over each webhook subscription, the route file that its uri maps to", () => {
    const comments = [...readFileSync(path.join(root, "shopify.app.toml"), "utf8").matchAll(/# Handled by: (\S+)/g)].map((m) => m[1]);
    // Remix flat routes: /webhooks/app/uninstalled is app/routes/webhooks.app.uninstalled.tsx
    expect(comments).toEqual(subscriptions.map((s) => `/app/routes/${String(s.uri).slice(1).replaceAll("/", ".")}.tsx`));
  });

  it("forwards /apps/assistant on the storefront to <application_url>/proxy", () => {
    expect(toml.app_proxy).toEqual({ url: `${toml.application_url}/proxy`, subpath: "assistant", prefix: "apps" });
  });

  it("is read by a parser that handles the file's TOML subset", () => {
    expect(parseToml('a = "x # y" # c\n[t]\nb = [\n "1",\n "2",\n]\n[[t.s]]\nn = 3\n')).toEqual({
      a: "x # y",
      t: { b: ["1", "2"], s: [{ n: 3 }] },
    });
  });
});
