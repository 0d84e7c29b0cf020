// The sentences the server used to build in English (set-up checklist, model provider,
// incident alerts and assessments) are now codes and numbers the admin words in the
// merchant's language: every code has words in every language, and no code, variable
// name or unfilled placeholder reaches the page.
import { describe, expect, it } from "vitest";
import { createTranslator, LANGUAGES, type Language } from "./i18n/i18n";
import { messagesFor } from "../composition/admin-locale.server";
import { alertText, checklistDetail, dataKindLabel, providerName, providerReason, type ChecklistDetailNotice } from "./server-notices";
import { describeModelProvider } from "../settings/model-provider";
import type { AlertKind } from "../incidents/incident-rules";

const t = (language: Language, timeZone = "Europe/Berlin") =>
  createTranslator({ locale: language, language, timeZone, messages: messagesFor(language) });
const NOW = new Date("2026-03-10T12:00:00Z");

const DETAILS: ChecklistDetailNotice[] = [
  { code: "embed.never_seen", days: 7 },
  { code: "embed.stale", days: 7 },
  { code: "embed.seen", seenAt: new Date(NOW.getTime() - 5 * 3_600_000).toISOString() },
  { code: "embed.seen", seenAt: new Date(NOW.getTime() - 10 * 60_000).toISOString() },
  { code: "privacy_notice.own" },
  { code: "privacy_notice.default" },
  { code: "retention.chosen", days: 30 },
  { code: "retention.chosen", days: 1 },
  { code: "retention.default", days: 90 },
  { code: "knowledge.some", count: 3 },
  { code: "knowledge.none" },
  { code: "test_conversation.done" },
  { code: "test_conversation.none" },
];
const ALERT_KINDS: AlertKind[] = ["bulk_exports", "large_export", "transcripts_opened", "verify_failed", "card_blocked", "rate_limited"];
const PROVIDERS = [
  describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, true),
  describeModelProvider({ OPENAI_API_KEY: "sk", OPENAI_PROVIDER_NAME: "OpenAI" }, false),
  describeModelProvider({ OPENAI_API_KEY: "sk", OPENAI_PROVIDER_NAME: "OpenAI" }, true),
  describeModelProvider({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_PROVIDER_NAME: "Ollama", OPENAI_MODEL: "llama3" }, true),
];

/** What must never show: a key, a code, an environment variable, a placeholder left unfilled. */
const leaks = (text: string) =>
  /[a-z]+\.[a-z_]+\.|[a-z]+_[a-z]+|OPENAI_|\{\w+\}/.test(text.replace(/api\.openai\.com|127\.0\.0\.1:11434/g, ""));

describe("server notices in the merchant's language", () => {
  it.each(LANGUAGES)("%s: every checklist line, provider reason and alert has words", (language) => {
    const tr = t(language);
    const sentences = [
      ...DETAILS.map((d) => checklistDetail(d, tr, NOW)),
      ...PROVIDERS.flatMap((p) => [providerReason(p, p.reason, tr), providerName(p, tr)]),
      providerReason(PROVIDERS[2]!, "paused", tr),
      ...ALERT_KINDS.flatMap((kind) => {
        const { title, body } = alertText({ kind, count: 20, windowMinutes: 10, actor: "1001", actorName: "Olive Owner" }, tr);
        return [title, body];
      }),
      ...["messages", "leads", "verifications_failed", "verifications_succeeded", "event.card_blocked", "event.something_new"].map((k) =>
        dataKindLabel(k, tr),
      ),
    ];
    for (const sentence of sentences) expect(leaks(sentence), sentence).toBe(false);
  });

  it("says them in German, with Intl's relative times and the numbers filled in", () => {
    const de = t("de");
    expect(checklistDetail({ code: "embed.seen", seenAt: new Date(NOW.getTime() - 5 * 3_600_000).toISOString() }, de, NOW)).toBe(
      "Der Assistent wurde vor 5 Stunden in deinem Shop gesehen.",
    );
    expect(checklistDetail({ code: "embed.seen", seenAt: NOW.toISOString() }, de, NOW)).toBe(
      "Der Assistent wurde in der letzten Stunde in deinem Shop gesehen.",
    );
    expect(checklistDetail({ code: "retention.chosen", days: 30 }, de, NOW)).toBe(
      "Unterhaltungen und Leads werden nach 30 Tagen gelöscht.",
    );
    expect(checklistDetail({ code: "retention.chosen", days: 1 }, de, NOW)).toBe("Unterhaltungen und Leads werden nach 1 Tag gelöscht.");
    expect(checklistDetail({ code: "knowledge.some", count: 1 }, t("en"), NOW)).toBe("1 knowledge entry (FAQ and policies).");
    const unconfigured = describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, true);
    expect(providerReason(unconfigured, unconfigured.reason, de)).toBe(
      "Für diese App ist kein KI-Modell eingerichtet, daher antwortet die eingebaute Basis-Engine.",
    );
    expect(providerName(unconfigured, de)).toBe("keiner (Basismodus)");
    const ollama = PROVIDERS[3]!;
    expect(providerReason(ollama, ollama.reason, t("fr"))).toBe(
      "Les réponses viennent de Ollama (modèle llama3, 127.0.0.1:11434) ; le moteur de base prend le relais en cas d’échec.",
    );
    expect(alertText({ kind: "transcripts_opened", count: 20, windowMinutes: 10, actor: "1001", actorName: "Olive Owner" }, de)).toEqual({
      title: "Viele Verläufe geöffnet",
      body: "Olive Owner (Mitarbeiter-ID 1001) hat innerhalb von 10 Minuten 20 Verläufe geöffnet.",
    });
    expect(alertText({ kind: "card_blocked", count: 1200, windowMinutes: 60, actor: null, actorName: null }, t("es")).body).toBe(
      "Se bloquearon 1200 mensajes con números de tarjeta en 60 minutos.".replace("1200", (1200).toLocaleString("es")),
    );
    expect(dataKindLabel("event.card_blocked", de)).toBe("Wegen Kartennummern blockierte Nachrichten");
    expect(dataKindLabel("event.something_new", de)).toBe("Andere erfasste Ereignisse");
  });
});
