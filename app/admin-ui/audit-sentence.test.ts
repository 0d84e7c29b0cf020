// Audit entries read as sentences in the merchant's language, with who did it; no
// internal action codes or ids reach the page.
import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "./audit-sentence";
import { createTranslator } from "./i18n/i18n";
import { de } from "./i18n/messages/de";
import { en } from "./i18n/messages/en";

const english = createTranslator({ locale: "en", language: "en", timeZone: "UTC", messages: en });
const german = createTranslator({ locale: "de-DE", language: "de", timeZone: "Europe/Berlin", messages: de });

describe("audit sentences", () => {
  it("names the staff member and what changed, from and to", () => {
    const entry = {
      actor: "1",
      actorName: "Jane Doe",
      action: "settings.updated",
      details: { changes: [{ field: "privacy.retentionDays", from: 90, to: 30 }] },
    };
    expect(describeAuditEntry(entry, english)).toBe("Jane Doe changed the retention period from 90 days to 30 days");
  });

  it("says a shopper deleted their own conversation, with counts only, in English and German", () => {
    const entry = {
      actor: "shopper",
      actorName: null,
      action: "conversation.deleted_by_shopper",
      details: { deleted: { conversations: 1, messages: 4 } },
    };
    expect(describeAuditEntry(entry, english)).toBe(
      "A shopper deleted their own conversation from the chat (1 conversation and 4 messages)",
    );
    const sentence = describeAuditEntry(entry, german);
    expect(sentence).toMatch(/^Ein Kunde hat das eigene Gespräch im Chat gelöscht \(/);
    expect(sentence).not.toMatch(/conversation\.deleted|shopper/);
  });
});
