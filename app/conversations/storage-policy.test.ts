import { describe, expect, it } from "vitest";
import { shopSettingsSchema } from "../settings/settings-schema";
import { hashConversationToken, newConversationToken, tokenMatches } from "./conversation-token";
import { storagePolicy } from "./storage-policy";

const settings = (privacy: Record<string, unknown>) => shopSettingsSchema.parse({ privacy });

describe("storagePolicy", () => {
  it("stores nothing while paused, before required consent, or after a decline", () => {
    const nothing = { persistConversation: false, persistMessages: false };
    expect(storagePolicy({ paused: true, settings: settings({ consentRequired: false }) }, "not_required")).toMatchObject({
      ...nothing,
      blockedBy: "paused",
    });
    expect(storagePolicy({ paused: false, settings: settings({ consentRequired: true }) }, "pending")).toMatchObject({
      ...nothing,
      blockedBy: "consent_pending",
    });
    expect(storagePolicy({ paused: false, settings: settings({ consentRequired: true }) }, null)).toMatchObject(nothing);
    expect(storagePolicy({ paused: false, settings: settings({ consentRequired: false }) }, "declined")).toMatchObject({
      ...nothing,
      blockedBy: "consent_declined",
    });
  });

  it("stores the conversation but no messages when transcripts are off", () => {
    expect(storagePolicy({ paused: false, settings: settings({ consentRequired: true, keepTranscripts: false }) }, "accepted")).toEqual({
      persistConversation: true,
      persistMessages: false,
      blockedBy: null,
    });
    expect(storagePolicy({ paused: false, settings: settings({ consentRequired: false }) }, "not_required").persistMessages).toBe(true);
  });
});

describe("conversation tokens", () => {
  it("matches only the token whose hash is stored", () => {
    const token = newConversationToken();
    const stored = hashConversationToken(token);
    expect(tokenMatches(token, stored)).toBe(true);
    expect(tokenMatches(newConversationToken(), stored)).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches("", stored)).toBe(false);
  });
});
