// Whether the assistant's app embed is on, told from what the app can see without
// read_themes (which it does not request, see README "Scopes"): the widget reaches
// the app through the app proxy only when the embed is switched on, and every
// verified proxy request moves Shop.widgetSeenAt (at most hourly,
// app/shopper-api/widget-seen.server.ts).

export const EMBED_BLOCK_HANDLE = "assistant-embed";

/** Seen within this many days counts as "switched on". */
export const EMBED_SEEN_WITHIN_DAYS = 7;

export type EmbedStatus = { state: "on" | "off"; reason: string; lastSeenAt: Date | null };

export function embedStatusFromWidgetSeen(widgetSeenAt: Date | null | undefined, now: Date): EmbedStatus {
  const lastSeenAt = widgetSeenAt ?? null;
  if (!lastSeenAt) {
    return {
      state: "off",
      reason: "The assistant has not been seen on your storefront yet. Switch on its app embed in the theme editor.",
      lastSeenAt,
    };
  }
  const ageMs = now.getTime() - lastSeenAt.getTime();
  if (ageMs <= EMBED_SEEN_WITHIN_DAYS * 86_400_000) {
    return { state: "on", reason: `The assistant was seen on your storefront ${describeAge(ageMs)}.`, lastSeenAt };
  }
  return {
    state: "off",
    reason: `The assistant has not been seen on your storefront for more than ${EMBED_SEEN_WITHIN_DAYS} days. Check that its app embed is switched on in your published theme.`,
    lastSeenAt,
  };
}

function describeAge(ageMs: number): string {
  const hours = Math.floor(ageMs / 3_600_000);
  if (hours < 1) return "within the last hour";
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}
