// The check on the way out (and on the way in for topics): the prompt asks the model
// to respect the merchant's boundaries; this code makes sure of it.
import type { ShopSettings } from "../settings/settings-schema";
import type { SystemPrompt } from "./system-prompt";
import { createTtlCache } from "../infra/cache/ttl-cache";

/** Lowercase letters and digits separated by single spaces, accents removed. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function mentionsBlockedTopic(text: string, blockedTopics: string[]): boolean {
  const haystack = ` ${normalizeForMatch(text)} `;
  return blockedTopics.some((topic) => {
    const needle = normalizeForMatch(topic);
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}

export type GuardVerdict = "ok" | "blocked_topic" | "prompt_echo";

export interface OutputGuard {
  check(answerSoFar: string): GuardVerdict;
}

interface SecretWindows {
  size: number;
  set: Set<string>;
}

// The windows of a secret depend only on its text and window size: the fixed rules are
// the same for every turn and a shop's instructions change rarely, so each is built once
// (building them took about 2 % of the app's CPU under load when done per turn).
const windowsCache = createTtlCache<SecretWindows>({ ttlMs: 60 * 60_000, maxEntries: 2_000 });

/** Every window of a secret, normalised; an answer containing any of them echoes it. */
function secretWindows(text: string, window: number): SecretWindows {
  const key = `${window}:${text}`;
  const cached = windowsCache.get(key);
  if (cached) return cached;
  const normalized = normalizeForMatch(text);
  const size = Math.min(window, normalized.length);
  const set = new Set<string>();
  for (let i = 0; i + size <= normalized.length; i++) set.add(normalized.slice(i, i + size));
  const built = { size, set };
  windowsCache.set(key, built);
  return built;
}

export function createOutputGuard(settings: ShopSettings, prompt: SystemPrompt): OutputGuard {
  const windows = prompt.secrets.map(({ text, window }) => secretWindows(text, window));
  return {
    check(answer) {
      if (mentionsBlockedTopic(answer, settings.content.blockedTopics)) return "blocked_topic";
      const normalized = normalizeForMatch(answer);
      for (const { size, set } of windows) {
        if (size < 12) continue;
        for (let i = 0; i + size <= normalized.length; i++) if (set.has(normalized.slice(i, i + size))) return "prompt_echo";
      }
      return "ok";
    },
  };
}
