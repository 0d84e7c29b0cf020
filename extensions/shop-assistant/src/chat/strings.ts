// Shopper-facing strings: rendered by the embed block from the extension's locales/
// (already in the storefront's language) into #shop-assistant-i18n.

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; a missing string shows its key rather than nothing. */
export function createTranslate(strings: Record<string, unknown>): Translate {
  return (key, vars = {}) => {
    const template = typeof strings[key] === "string" ? (strings[key] as string) : key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
