// Reads shopify.app.toml, the source of truth for scopes, webhooks and the app
// proxy. A small parser for the TOML subset that file uses: tables, arrays of
// tables, strings, booleans, numbers and (multi-line) arrays of strings.
import { readFileSync } from "node:fs";
import path from "node:path";

type Value = string | number | boolean | string[];
export type TomlTable = { [key: string]: Value | TomlTable | TomlTable[] };

function parseValue(raw: string): Value {
  const text = raw.trim();
  if (text.startsWith("[")) {
    return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
  }
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw new Error(`unsupported TOML value: ${text}`);
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    if (line[i] === "#" && !inString) return line.slice(0, i);
  }
  return line;
}

export function parseToml(source: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  const lines = source.split("\n").map(stripComment);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const arrayTable = /^\[\[([\w.-]+)\]\]$/.exec(line);
    const table = /^\[([\w.-]+)\]$/.exec(line);
    if (arrayTable || table) {
      const keys = (arrayTable ?? table)![1]!.split(".");
      let parent = root;
      for (const key of keys.slice(0, -1)) {
        const next = parent[key];
        parent = (Array.isArray(next) ? next.at(-1) : (next ?? (parent[key] = {}))) as TomlTable;
      }
      const last = keys.at(-1)!;
      current = {};
      if (arrayTable) ((parent[last] ??= []) as TomlTable[]).push(current);
      else parent[last] = current;
      continue;
    }
    const pair = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (!pair) throw new Error(`cannot parse TOML line ${i + 1}: ${line}`);
    let raw = pair[2]!;
    while (raw.trim().startsWith("[") && !raw.includes("]") && i + 1 < lines.length) raw += lines[++i];
    current[pair[1]!] = parseValue(raw);
  }
  return root;
}

export function readAppToml(file = path.resolve(import.meta.dirname, "..", "..", "shopify.app.toml")): TomlTable {
  return parseToml(readFileSync(file, "utf8"));
}
