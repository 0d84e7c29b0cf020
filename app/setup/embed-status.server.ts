// Whether the assistant's app embed is on, told from what the app can see without
// read_themes (which it does not request, see README "Scopes"): the widget reaches
// the app through the app proxy only when the embed is switched on, and every
// verified proxy request moves Shop.widgetSeenAt (at most hourly,
// app/shopper-api/widget-seen.server.ts).

export const EMBED_BLOCK_HANDLE = "assistant-embed";

/** Seen within this many days counts as "switched on". */
export const EMBED_SEEN_WITHIN_DAYS = 7;

/**
 * Why the embed counts as on or off, as a code: the admin says it in the merchant's
 * language ("home.detail.embed.*" with the time since lastSeenAt, through Intl).
 */
export type EmbedReason = "never_seen" | "seen" | "stale";

export type EmbedStatus = { state: "on" | "off"; reason: EmbedReason; lastSeenAt: Date | null };

export function embedStatusFromWidgetSeen(widgetSeenAt: Date | null | undefined, now: Date): EmbedStatus {
  const lastSeenAt = widgetSeenAt ?? null;
  if (!lastSeenAt) return { state: "off", reason: "never_seen", lastSeenAt };
  const ageMs = now.getTime() - lastSeenAt.getTime();
  if (ageMs <= EMBED_SEEN_WITHIN_DAYS * 86_400_000) return { state: "on", reason: "seen", lastSeenAt };
  return { state: "off", reason: "stale", lastSeenAt };
}
