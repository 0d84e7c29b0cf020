// The `t` filter of a theme app extension: keys looked up in locales/<locale>.json,
// then the default locale file (<locale>.default.json), as Shopify does.
// Schema translation files (*.schema.json) are for the theme editor, not shoppers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Translator {
  /** Locale codes available, the default one first. */
  readonly locales: string[];
  readonly defaultLocale: string;
  translate(locale: string, key: string, vars?: Record<string, unknown>): string;
}

type Tree = { [key: string]: Tree | string };

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(localesDir: string): Translator {
  const trees = new Map<string, Tree>();
  let defaultLocale = "en";
  const files = existsSync(localesDir) ? readdirSync(localesDir) : [];
  for (const file of files) {
    const match = /^([a-zA-Z-]+)(\.default)?\.json$/.exec(file);
    if (!match) continue;
    trees.set(match[1]!, JSON.parse(readFileSync(path.join(localesDir, file), "utf8")) as Tree);
    if (match[2]) defaultLocale = match[1]!;
  }
  const locales = [defaultLocale, ...[...trees.keys()].filter((l) => l !== defaultLocale).sort()];

  return {
    locales,
    defaultLocale,
    translate(locale, key, vars = {}) {
      const candidates = [locale, locale.split("-")[0]!, defaultLocale];
      let text: string | undefined;
      for (const candidate of candidates) {
        text = lookup(trees.get(candidate), key);
        if (text !== undefined) break;
      }
      if (text === undefined) return `translation missing: ${locale}.${key}`;
      return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(vars[name] ?? ""));
    },
  };
}
