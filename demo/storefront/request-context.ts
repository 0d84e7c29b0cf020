// Per-request storefront state: the locale (a /fr/ path prefix or ?locale=fr, as
// Shopify's localized URLs), cookies, the demo customer session and the cart token.
import { createHmac, timingSafeEqual } from "node:crypto";
import type http from "node:http";

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    try {
      out[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // a cookie we did not write; ignore it
    }
  }
  return out;
}

export function cookie(name: string, value: string, maxAgeSeconds?: number): string {
  const age = maxAgeSeconds === undefined ? "" : `; Max-Age=${maxAgeSeconds}`;
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${age}`;
}

/** A signed customer session cookie: "<legacyId>.<hmac>", so a shopper cannot become another customer by editing it. */
export function createCustomerSessions(secret: string) {
  const sign = (id: number) => createHmac("sha256", secret).update(`customer:${id}`).digest("base64url");
  return {
    issue: (id: number) => `${id}.${sign(id)}`,
    read(value: string | undefined): number | null {
      const match = /^(\d+)\.([\w-]+)$/.exec(value ?? "");
      if (!match) return null;
      const id = Number(match[1]);
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(match[2]!);
      return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
    },
  };
}

export interface LocalizedPath {
  locale: string;
  /** The path without the locale prefix. */
  path: string;
  /** Adds the locale prefix back to a shop-relative path. */
  href(path: string): string;
}

export function localize(url: URL, primaryLocale: string, locales: string[]): LocalizedPath {
  const known = new Set(locales.map((l) => l.toLowerCase()));
  let locale = primaryLocale;
  let path = url.pathname;
  const prefix = /^\/([a-z]{2}(?:-[a-z]{2})?)(\/.*)?$/i.exec(path);
  if (prefix && known.has(prefix[1]!.toLowerCase()) && prefix[1]!.toLowerCase() !== primaryLocale.toLowerCase()) {
    locale = prefix[1]!.toLowerCase();
    path = prefix[2] || "/";
  }
  const asked = url.searchParams.get("locale")?.toLowerCase();
  if (asked && known.has(asked)) locale = asked;
  const href = (target: string) => (locale === primaryLocale || !target.startsWith("/") ? target : `/${locale}${target}`);
  return { locale, path, href };
}

export async function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A form or JSON body as a flat record. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? "").includes("application/json")) {
    try {
      const value: unknown = JSON.parse(raw || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
