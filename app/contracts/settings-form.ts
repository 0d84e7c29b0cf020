// What a settings page's action answers (app/settings/admin/settings-action.server.ts)
// and the admin UI kit reads (app/admin-ui/settings-form.tsx): the server and the
// browser bundle share it, so it lives here and not in a *.server module.
export type SettingsActionData =
  | { ok: true; changed: string[]; published: boolean; publishMessage: string | null }
  | { ok: false; message: string; fieldErrors: Record<string, string> };
