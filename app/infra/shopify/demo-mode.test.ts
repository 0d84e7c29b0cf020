import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import {
  allowLocalFraming,
  createDemoFetch,
  demoRewrite,
  dropShopifyCdnPreload,
  installDemoMode,
  skipBotCheckInDemo,
} from "./demo-mode.server";

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe("demo mode", () => {
  let fake: Server;
  let origin: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        seen.push({ path: req.url ?? "", headers: req.headers, body });
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ data: { shop: { name: "Demo shop" } } }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it("maps only https://demo-shop.myshopify.com URLs to the fake", () => {
    expect(demoRewrite("https://demo-shop.myshopify.com/admin/api/2026-01/graphql.json?x=1", "http://127.0.0.1:9")).toBe(
      "http://127.0.0.1:9/admin/api/2026-01/graphql.json?x=1",
    );
    expect(demoRewrite("https://other-shop.myshopify.com/admin/api/2026-01/graphql.json", "http://127.0.0.1:9")).toBeUndefined();
    expect(demoRewrite("http://demo-shop.myshopify.com/admin", "http://127.0.0.1:9")).toBeUndefined();
  });

  it("passes other requests to the next fetch unchanged", async () => {
    const calls: string[] = [];
    const next = async (input: Parameters<typeof fetch>[0]) => {
      calls.push(String(input));
      return new Response("ok");
    };
    await createDemoFetch("http://127.0.0.1:9", next)("https://accounts.shopify.com/x");
    expect(calls).toEqual(["https://accounts.shopify.com/x"]);
  });

  it("does nothing when the flag is off", () => {
    const before = abstractFetch;
    expect(installDemoMode({ DEMO_MODE: false, DEMO_ADMIN_API_ORIGIN: origin, NODE_ENV: "development" })).toBe(false);
    expect(abstractFetch).toBe(before);
  });

  it("refuses to run in production", () => {
    expect(() => installDemoMode({ DEMO_MODE: true, DEMO_ADMIN_API_ORIGIN: origin, NODE_ENV: "production" })).toThrow(/production/);
  });

  it("sends the library's Admin API requests for the demo shop to the fake over HTTP, with a banner", async () => {
    const printed: string[] = [];
    const config = { DEMO_MODE: true, DEMO_ADMIN_API_ORIGIN: origin, NODE_ENV: "test" } as const;
    expect(installDemoMode(config, (text) => printed.push(text))).toBe(true);
    expect(installDemoMode(config, (text) => printed.push(text))).toBe(true);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain("DEMO MODE IS ON");

    const response = await abstractFetch("https://demo-shop.myshopify.com/admin/api/2026-01/graphql.json", {
      method: "POST",
      headers: { "X-Shopify-Access-Token": "shpat_demo", "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(await response.json()).toEqual({ data: { shop: { name: "Demo shop" } } });
    expect(seen.at(-1)?.path).toBe("/admin/api/2026-01/graphql.json");
    expect(seen.at(-1)?.headers["x-shopify-access-token"]).toBe("shpat_demo");

    // The same through the library's own Admin GraphQL client, as routes use it.
    const api = shopifyApi({
      apiKey: "key",
      apiSecretKey: "secret",
      apiVersion: ApiVersion.January26,
      hostName: "app.example.com",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    const session = new Session({
      id: "offline_demo-shop.myshopify.com",
      shop: "demo-shop.myshopify.com",
      state: "",
      isOnline: false,
      accessToken: "shpat_lib",
    });
    const answer = await new api.clients.Graphql({ session }).request("query ShopName { shop { name } }");
    expect(answer.data).toEqual({ shop: { name: "Demo shop" } });
    expect(seen.at(-1)?.headers["x-shopify-access-token"]).toBe("shpat_lib");
  });

  it("drops only the preload of Shopify's CDN, and only in demo mode", () => {
    const preload = '<https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"; as="script";';
    const production = new Headers({ Link: preload });
    dropShopifyCdnPreload(production, { DEMO_MODE: false });
    expect(production.get("Link")).toBe(preload);
    const demo = new Headers({ Link: preload });
    dropShopifyCdnPreload(demo, { DEMO_MODE: true });
    expect(demo.has("Link")).toBe(false);
    const mixed = new Headers({ Link: `</build/root.css>; rel=preload; as=style, ${preload}` });
    dropShopifyCdnPreload(mixed, { DEMO_MODE: true });
    expect(mixed.get("Link")).toBe("</build/root.css>; rel=preload; as=style");
  });

  it("lets local pages frame the admin only in demo mode", () => {
    const headers = new Headers({ "Content-Security-Policy": "frame-ancestors https://demo-shop.myshopify.com;" });
    allowLocalFraming(headers, { DEMO_MODE: false });
    expect(headers.get("Content-Security-Policy")).not.toContain("127.0.0.1");
    allowLocalFraming(headers, { DEMO_MODE: true });
    expect(headers.get("Content-Security-Policy")).toContain("http://127.0.0.1:*");
  });
});

describe("headless browsers in demo mode (issue 12)", () => {
  const headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
  it("lets a headless browser into the demo admin, and only in demo mode", () => {
    const demo = skipBotCheckInDemo(new Request("http://127.0.0.1/app", { headers: { "User-Agent": headless } }), { DEMO_MODE: true });
    expect(demo.headers.get("User-Agent")).not.toMatch(/Headless/);
    const production = skipBotCheckInDemo(new Request("http://127.0.0.1/app", { headers: { "User-Agent": headless } }), {
      DEMO_MODE: false,
    });
    expect(production.headers.get("User-Agent")).toBe(headless);
    const person = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    expect(
      skipBotCheckInDemo(new Request("http://127.0.0.1/app", { headers: { "User-Agent": person } }), { DEMO_MODE: true }).headers.get(
        "User-Agent",
      ),
    ).toBe(person);
  });
});
