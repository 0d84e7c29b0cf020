// Reads demo/store/store.json and moves every timestamp by (now - generatedAt), so an
// order written as "75 days old" is 75 days old whenever the demo or a test runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DemoStore } from "./store-types";

export const STORE_JSON_PATH = path.join(import.meta.dirname, "store.json");
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function shiftDates(value: unknown, offsetMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, offsetMs));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        typeof v === "string" && k.endsWith("At") && ISO.test(v)
          ? new Date(Date.parse(v) + offsetMs).toISOString()
          : shiftDates(v, offsetMs),
      ]),
    );
  }
  return value;
}

/** A fresh copy of the demo store with dates relative to `now` (default: the real now). */
export function loadDemoStore(options: { now?: Date; file?: string } = {}): DemoStore {
  const raw = JSON.parse(readFileSync(options.file ?? STORE_JSON_PATH, "utf8")) as DemoStore;
  // Whole seconds, so shifted timestamps stay readable.
  const offset = Math.round(((options.now ?? new Date()).getTime() - Date.parse(raw.generatedAt)) / 1000) * 1000;
  const shifted = shiftDates(raw, offset) as DemoStore;
  return { ...shifted, generatedAt: raw.generatedAt };
}
