// Keeps the parsed app embed current: re-reads the extension when its block,
// assets list or locales change (the widget is rebuilt while the demo runs), and
// says so in the page, loudly, when the block is missing or does not render.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadExtensionEmbed, type EmbedContext, type ExtensionEmbed } from "./extension-embed";

export function createEmbedLoader(extensionDir: string, log: (line: string) => void = console.error) {
  let cached: { stamp: string; embed: ExtensionEmbed | null; error: string | null } | undefined;

  function stamp(): string {
    const parts: string[] = [];
    for (const sub of ["blocks", "locales", "snippets"]) {
      const dir = path.join(extensionDir, sub);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) parts.push(`${sub}/${file}:${statSync(path.join(dir, file)).mtimeMs}`);
    }
    return parts.join("|");
  }

  function current() {
    const now = stamp();
    if (cached?.stamp === now) return cached;
    try {
      cached = { stamp: now, embed: loadExtensionEmbed(extensionDir), error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (cached?.error !== message) log(`storefront: the app embed cannot be loaded: ${message}`);
      cached = { stamp: now, embed: null, error: message };
    }
    return cached;
  }

  const comment = (text: string) => `<!-- shop-assistant app embed: ${text.replace(/--/g, "- -")} -->`;

  return {
    locales: (): string[] => current().embed?.locales ?? ["en"],
    assetPath: (name: string): string | null => current().embed?.assetPath(name) ?? null,
    async render(context: EmbedContext): Promise<{ head: string; body: string }> {
      const { embed, error } = current();
      if (!embed) return { head: "", body: comment(`not loaded (${error ?? "missing"})`) };
      try {
        const out = await embed.render(context);
        return embed.target === "head" ? { head: out.head + out.body, body: "" } : out;
      } catch (renderError) {
        const message = renderError instanceof Error ? renderError.message : String(renderError);
        log(`storefront: the app embed failed to render: ${message}`);
        return { head: "", body: comment(`render failed (${message})`) };
      }
    },
  };
}
