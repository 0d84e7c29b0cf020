// The fixture's own "now". Timestamps in store.json are written relative to it, and
// load-store.ts moves them to the real now so that "3 days ago" stays 3 days ago.
export const GENERATED_AT = "2026-11-20T12:00:00.000Z";

export const daysBefore = (days: number, hour = 10): string =>
  new Date(Date.parse(GENERATED_AT) - days * 86_400_000 + (hour - 12) * 3_600_000).toISOString();
