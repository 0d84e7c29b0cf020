// The Incidents page's assessment window: the URL keeps UTC instants (`from`, `to`, ISO
// 8601, so links stay valid), the two `datetime-local` inputs show and take wall-clock
// times in the shop's time zone (app/admin-ui/i18n/zoned-time.ts has the DST rules).
import { instantToWallClock, wallClockToInstant } from "../admin-ui/i18n/zoned-time";

export interface WindowInputs {
  from: string;
  to: string;
}

/** The inputs' values for the window in the URL ("" for a missing or unreadable bound). */
export function windowInputsOf(window: WindowInputs, timeZone: string): WindowInputs {
  return { from: instantToWallClock(window.from, timeZone), to: instantToWallClock(window.to, timeZone) };
}

/**
 * The URL's `from`/`to` for what the inputs hold. An input left as it was shown keeps
 * the URL's exact instant (the inputs show minutes; an alert's window has seconds, and
 * an hour that happens twice must not flip to its other occurrence). A changed input is
 * read in the shop's zone: `from` as the first occurrence of a repeated time, `to` as
 * the last, so the window covers all of it. An empty input drops its bound; text that is
 * no date is passed on for the server to refuse ("incidents.window.invalid").
 */
export function windowParamsOf(inputs: WindowInputs, shown: WindowInputs, timeZone: string): { from?: string; to?: string } {
  const bound = (key: keyof WindowInputs, ambiguous: "earlier" | "later") => {
    const value = inputs[key].trim();
    if (!value) return undefined;
    if (shown[key] && value === instantToWallClock(shown[key], timeZone)) return shown[key];
    return wallClockToInstant(value, timeZone, { ambiguous })?.toISOString() ?? value;
  };
  return { from: bound("from", "earlier"), to: bound("to", "later") };
}
