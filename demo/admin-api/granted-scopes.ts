// The access scopes the fake grants: by default exactly what shopify.app.toml requests, so
// the demo refuses what the real shop would refuse with the app's real scopes.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const FALLBACK_SCOPES = ["read_products", "read_orders"];
const TOML = path.resolve(import.meta.dirname, "..", "..", "shopify.app.toml");

export function scopesFromAppToml(file = TOML): string[] {
  if (!existsSync(file)) return FALLBACK_SCOPES;
  const match = readFileSync(file, "utf8").match(/^\s*scopes\s*=\s*"([^"]*)"/m);
  const scopes = match?.[1]
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return scopes && scopes.length > 0 ? scopes : FALLBACK_SCOPES;
}
