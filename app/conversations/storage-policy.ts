// What a turn may store, decided from the shop's state and the conversation's
// consent. One place, so the chat, consent and verification paths agree.
//
// - Paused shop (incident): nothing at all, not even the conversation row.
// - Consent required and not (yet) accepted, or declined at any time: nothing at all.
//   The shopper still gets answers; the turn runs on an id that is never written.
// - keepTranscripts off: the conversation row and counted events (no text), no messages.
import type { ShopSettings } from "../settings/settings-schema";

export type ConsentState = "pending" | "accepted" | "declined" | "not_required";

export type StorageBlock = "paused" | "consent_pending" | "consent_declined";

export interface StoragePolicy {
  persistConversation: boolean;
  persistMessages: boolean;
  /** Why nothing may be stored, when that is the case. */
  blockedBy: StorageBlock | null;
}

export function storagePolicy(shop: { paused: boolean; settings: ShopSettings }, consentState: ConsentState | null): StoragePolicy {
  const none = (blockedBy: StorageBlock): StoragePolicy => ({ persistConversation: false, persistMessages: false, blockedBy });
  if (shop.paused) return none("paused");
  if (consentState === "declined") return none("consent_declined");
  if (shop.settings.privacy.consentRequired && consentState !== "accepted") return none("consent_pending");
  return { persistConversation: true, persistMessages: shop.settings.privacy.keepTranscripts, blockedBy: null };
}

/** The consent state a conversation starts with when the chat creates it. */
export function initialConsentState(settings: ShopSettings): ConsentState {
  return settings.privacy.consentRequired ? "pending" : "not_required";
}
