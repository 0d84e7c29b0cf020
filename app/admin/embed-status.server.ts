// Whether our app embed is switched on in the published theme, read from the theme's
// config/settings_data.json. Answers "unknown" (with the reason) whenever we cannot
// see it, rather than guessing either way.
import { z } from "zod";
import { runAdminQuery } from "./admin-graphql";
import { MainThemeSettingsData } from "./operations";
import type { AdminGraphql } from "./ports";

export const EMBED_BLOCK_HANDLE = "assistant-embed";

export type EmbedStatus = { state: "on" | "off" | "unknown"; reason: string; themeName: string | null };

const themesSchema = z.object({
  themes: z.object({
    nodes: z.array(
      z.object({
        name: z.string(),
        files: z.object({ nodes: z.array(z.object({ filename: z.string(), body: z.object({ content: z.string().optional() }).loose() })) }),
      }),
    ),
  }),
});

const settingsDataSchema = z.object({
  current: z.union([
    z.object({ blocks: z.record(z.string(), z.object({ type: z.string(), disabled: z.boolean().optional() }).loose()).optional() }).loose(),
    z.string(), // a preset name; no app blocks recorded
  ]).optional(),
});

/** settings_data.json often starts with a comment block Shopify adds. */
function stripLeadingComment(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\/\s*/, "");
}

export function embedStateFromSettingsData(content: string): "on" | "off" | "unknown" {
  let parsed;
  try {
    parsed = settingsDataSchema.safeParse(JSON.parse(stripLeadingComment(content)));
  } catch {
    return "unknown";
  }
  if (!parsed.success) return "unknown";
  const current = parsed.data.current;
  const blocks = typeof current === "object" ? Object.values(current.blocks ?? {}) : [];
  const ours = blocks.filter((b) => b.type.includes(`/blocks/${EMBED_BLOCK_HANDLE}/`));
  return ours.some((b) => b.disabled !== true) ? "on" : "off";
}

export async function checkEmbedStatus(admin: AdminGraphql): Promise<EmbedStatus> {
  const result = await runAdminQuery(admin, MainThemeSettingsData, undefined, themesSchema);
  if (!result.ok) {
    const reason = result.code === "ADMIN_API.ACCESS_DENIED"
      ? "The app does not ask for theme access (read_themes), so it cannot see whether the embed is on. Check it in the theme editor."
      : "Shopify did not tell us whether the embed is on. Check it in the theme editor.";
    return { state: "unknown", reason, themeName: null };
  }
  const theme = result.data.themes.nodes[0];
  const content = theme?.files.nodes[0]?.body.content;
  if (!theme || content === undefined) return { state: "unknown", reason: "The published theme's settings could not be read.", themeName: theme?.name ?? null };
  const state = embedStateFromSettingsData(content);
  const reason = state === "on"
    ? `The assistant embed is switched on in your published theme "${theme.name}".`
    : state === "off"
      ? `The assistant embed is not switched on in your published theme "${theme.name}".`
      : "The published theme's settings could not be read.";
  return { state, reason, themeName: theme.name };
}
