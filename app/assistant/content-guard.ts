// The check on the way out (and on the way in for topics): the prompt asks the model
// to respect the merchant's boundaries; this code makes sure of it.
import type { ShopSettings } from "../settings/settings-schema";
import type { SystemPrompt } from "./system-prompt";

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

export function createOutputGuard(settings: ShopSettings, prompt: SystemPrompt): OutputGuard {
  // Every window of each secret, normalised; an answer containing any of them echoes it.
  const windows: Array<{ size: number; set: Set<string> }> = prompt.secrets.map(({ text, window }) => {
    const normalized = normalizeForMatch(text);
    const size = Math.min(window, normalized.length);
    const set = new Set<string>();
    for (let i = 0; i + size <= normalized.length; i++) set.add(normalized.slice(i, i + size));
    return { size, set };
  });
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
