// The demo storefront: plays Shopify's online store for demo-shop.myshopify.com.
// Theme pages from demo/store/store.json, the extension's real app embed rendered
// with liquidjs, a demo customer login, the Ajax cart, and the signed app proxy.
// `?embed=0` on any page leaves the embed out (the Lighthouse bench compares both).
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { DemoStore } from "../store/store-types";
import { forwardToApp, PROXY_PREFIX } from "./app-proxy";
import { createCarts } from "./cart";
import { ASSET_ROUTE } from "./extension-embed";
import { createEmbedLoader } from "./embed-loader";
import { cookie, createCustomerSessions, localize, parseBody, parseCookies, readBody } from "./request-context";
import { createStoreCatalog } from "./store-catalog";
import { renderLayout } from "./theme-layout";
import * as pages from "./theme-pages";

export interface StorefrontOptions {
  store: DemoStore;
  extensionDir: string;
  /** Folder whose demo-store/ subfolder holds the fixture's images. */
  publicDir: string;
  appUrl: string;
  /** Several app instances behind the app proxy (requests spread over them); appUrl alone when absent. */
  appUrls?: readonly string[];
  apiSecret: string;
  /** The app-data metafield shop_assistant.widget_config, parsed; null when not set. */
  widgetConfig: () => Promise<unknown>;
  embedEnabled?: boolean;
  host?: string;
  port?: number;
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

export function createStorefrontHandler(options: StorefrontOptions) {
  const catalog = createStoreCatalog(options.store);
  const shop = options.store.shop;
  const carts = createCarts(catalog);
  const sessions = createCustomerSessions(randomBytes(32).toString("hex"));
  const embeds = createEmbedLoader(options.extensionDir, options.log);
  const proxyTarget = { appUrl: options.appUrl, appUrls: options.appUrls, apiSecret: options.apiSecret, shop: shop.myshopifyDomain };

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: http.OutgoingHttpHeaders = {},
  ) {
    let payload: Buffer = Buffer.from(body);
    const out: http.OutgoingHttpHeaders = { "content-type": type, vary: "Accept-Encoding", ...headers };
    if (payload.length > 1024 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      payload = gzipSync(payload);
      out["content-encoding"] = "gzip";
    }
    out["content-length"] = payload.length;
    res.writeHead(status, out);
    res.end(req.method === "HEAD" ? undefined : payload);
  }
  const json = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    value: unknown,
    headers: http.OutgoingHttpHeaders = {},
  ) => send(req, res, status, "application/json; charset=utf-8", JSON.stringify(value), headers);
  const redirect = (res: http.ServerResponse, location: string, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(303, { location, ...headers });
    res.end();
  };

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string | null, cache: string) {
    if (!file || !existsSync(file) || !statSync(file).isFile()) return send(req, res, 404, "text/plain", "Not found");
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    if (/^(text|application\/json|image\/svg)/.test(type)) {
      return send(req, res, 200, type, readFileSync(file, "utf8"), { "cache-control": cache, "access-control-allow-origin": "*" });
    }
    res.writeHead(200, { "content-type": type, "cache-control": cache });
    createReadStream(file).pipe(res);
  }

  async function page(req: http.IncomingMessage, res: http.ServerResponse, url: URL, state: RequestState) {
    const { href, locale } = state.localized;
    const p = state.localized.path;
    const currency = shop.currencyCode;
    let match: RegExpExecArray | null;
    let template = "404";
    let directory: string | null = null;
    let title = "Not found";
    let content = pages.notFoundContent(href);
    let status = 404;
    const ok = (name: string, pageTitle: string, body: string, dir: string | null = null) => {
      template = name;
      title = pageTitle;
      content = body;
      status = 200;
      directory = dir;
    };
    if (p === "/" || p === "") {
      ok(
        "index",
        "Home",
        pages.homeContent(
          shop.name,
          shop.description,
          options.store.collections,
          catalog.products.filter((x) => !x.hostileFixture).slice(0, 8),
          currency,
          href,
        ),
      );
    } else if ((match = /^\/collections\/([\w-]+)\/?$/.exec(p))) {
      const collection = catalog.collectionByHandle(match[1]!);
      if (collection)
        ok("collection", collection.title, pages.collectionContent(collection, catalog.productsOf(collection), currency, href));
    } else if ((match = /^(?:\/collections\/[\w-]+)?\/products\/([\w-]+)\/?$/.exec(p))) {
      const product = catalog.productByHandle(match[1]!, locale);
      if (product)
        ok("product", product.title, pages.productContent(product, currency, href, Number(url.searchParams.get("variant")) || null));
    } else if (p === "/cart") {
      ok("cart", "Cart", pages.cartContent(carts.view(state.cartToken, currency), currency, href));
    } else if ((match = /^\/policies\/([\w-]+)$/.exec(p))) {
      const policy = options.store.policies.find((x) => x.handle === match![1]);
      if (policy) ok("policy", policy.title, pages.policyContent(policy));
    } else if (p === "/account/login") {
      ok("login", "Log in", pages.loginContent(options.store.customers, href, url.searchParams.get("return_to") ?? ""), "customers");
    } else if (p === "/account") {
      const customer = state.customerId === null ? undefined : catalog.customerByLegacyId(state.customerId);
      if (!customer) return redirect(res, href("/account/login"));
      ok("account", "Account", pages.accountContent(customer, href), "customers");
    }
    const customer = state.customerId === null ? undefined : catalog.customerByLegacyId(state.customerId);
    const embedOn = (options.embedEnabled ?? true) && !["0", "off", "false"].includes(url.searchParams.get("embed") ?? "");
    const embed = embedOn
      ? await embeds.render({
          locale,
          // ?country=CH plays Shopify's country selector (localization.country), for the market's prices.
          country: /^[A-Z]{2}$/.test(url.searchParams.get("country") ?? "") ? url.searchParams.get("country")! : undefined,
          templateName: template,
          templateDirectory: directory,
          path: url.pathname,
          shop: {
            name: shop.name,
            domain: shop.myshopifyDomain,
            currency,
            locale: shop.primaryLocale,
            policies: options.store.policies.map((x) => ({ type: x.type, title: x.title, url: href(`/policies/${x.handle}`) })),
          },
          customer: customer
            ? {
                id: customer.legacyId,
                email: customer.email,
                first_name: customer.firstName,
                last_name: customer.lastName,
                name: `${customer.firstName} ${customer.lastName}`,
              }
            : null,
          widgetConfig: await options.widgetConfig().catch(() => null),
        })
      : { head: "", body: "" };
    const html = renderLayout(
      {
        store: options.store,
        locale,
        locales: embeds.locales(),
        href,
        cartCount: carts.count(state.cartToken),
        customerName: customer ? `${customer.firstName} ${customer.lastName}` : null,
        embed,
        templateName: template,
      },
      title,
      content,
    );
    send(req, res, status, "text/html; charset=utf-8", html, { "cache-control": "no-store", ...state.setCookies() });
  }

  interface RequestState {
    localized: ReturnType<typeof localize>;
    customerId: number | null;
    cartToken: string | undefined;
    ensureCart(): string;
    setCookies(): http.OutgoingHttpHeaders;
  }

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://storefront.local");
    const cookies = parseCookies(req.headers.cookie);
    const newCookies: string[] = [];
    const state: RequestState = {
      localized: localize(url, shop.primaryLocale, embeds.locales()),
      customerId: sessions.read(cookies.customer_session),
      cartToken: cookies.cart,
      ensureCart() {
        if (!state.cartToken) {
          state.cartToken = carts.newToken();
          newCookies.push(cookie("cart", state.cartToken, 14 * 24 * 3600));
        }
        return state.cartToken;
      },
      setCookies: () => (newCookies.length ? { "set-cookie": newCookies } : {}),
    };
    const p = state.localized.path;
    const method = req.method ?? "GET";

    if (p === PROXY_PREFIX || p.startsWith(`${PROXY_PREFIX}/`)) {
      const proxied = new URL(url);
      proxied.pathname = p;
      return forwardToApp(proxyTarget, req, res, proxied, state.customerId);
    }
    if (p.startsWith(ASSET_ROUTE))
      return serveFile(req, res, embeds.assetPath(decodeURIComponent(p.slice(ASSET_ROUTE.length))), "public, max-age=300");
    if (p.startsWith("/demo-store/")) {
      const file = path.join(options.publicDir, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
      return serveFile(req, res, file.startsWith(options.publicDir) ? file : null, "public, max-age=3600");
    }
    if (p === "/favicon.ico") return void res.writeHead(204).end();
    if (p === "/cart.js") return json(req, res, 200, carts.view(state.cartToken, shop.currencyCode), state.setCookies());
    if (method === "POST" && (p === "/cart/add.js" || p === "/cart/add")) {
      const body = parseBody(await readBody(req).catch(() => ""), req.headers["content-type"]);
      const first = Array.isArray(body.items) ? (body.items[0] as Record<string, unknown> | undefined) : body;
      const result = carts.add(state.ensureCart(), first?.id, first?.quantity);
      if (p === "/cart/add") return redirect(res, state.localized.href("/cart"), state.setCookies());
      if (!result.ok)
        return json(
          req,
          res,
          result.status,
          { status: result.status, message: "Cart Error", description: result.description },
          state.setCookies(),
        );
      return json(req, res, 200, result.item, state.setCookies());
    }
    if (p === "/account/login" && method === "POST") {
      const body = parseBody(await readBody(req).catch(() => ""), req.headers["content-type"]);
      const customer = catalog.customerByLegacyId(Number(body.customer_id));
      if (!customer) return redirect(res, state.localized.href("/account/login"));
      const back =
        typeof body.return_to === "string" && body.return_to.startsWith("/") && !body.return_to.startsWith("//")
          ? body.return_to
          : state.localized.href("/account");
      return redirect(res, back, { "set-cookie": cookie("customer_session", sessions.issue(customer.legacyId), 7 * 24 * 3600) });
    }
    if (p === "/account/logout") return redirect(res, state.localized.href("/"), { "set-cookie": cookie("customer_session", "", 0) });
    if (method !== "GET" && method !== "HEAD")
      return json(req, res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here.` } });
    return page(req, res, url, state);
  };
}

export async function startStorefront(options: StorefrontOptions): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const handler = createStorefrontHandler(options);
  const server = http.createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      options.log?.(`storefront error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Storefront error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
