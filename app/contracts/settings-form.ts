// The settings forms' shapes shared by the admin pages (browser) and their actions
// (server). No zod here: the pages' bundles must not pull it in.

/** Days of the week as the business-hours form numbers them (0 = Sunday, as Date#getDay). */
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

// What a settings page's action answers (app/settings/admin/settings-action.server.ts)
// and the admin UI kit reads (app/admin-ui/settings-form.tsx): the server and the
// browser bundle share it, so it lives here and not in a *.server module.
export type SettingsActionData =
  | { ok: true; changed: string[]; published: boolean; publishMessage: string | null }
  | { ok: false; message: string; fieldErrors: Record<string, string> };
