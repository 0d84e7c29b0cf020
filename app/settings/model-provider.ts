// Which model provider shopper messages go to, as the merchant should be told:
// the provider's name (OPENAI_PROVIDER_NAME), host and model, or none (basic mode) when
// no model is configured or the merchant switched AI answers off. Codes and names
// only: the admin builds the sentences in the merchant's language.
export interface ModelProviderInfo {
  mode: "ai" | "basic";
  /** The provider's name (OPENAI_PROVIDER_NAME); null in basic mode (the admin says "none"). */
  name: string | null;
  host: string | null;
  model: string | null;
  /**
   * Why, as a code the admin words in the merchant's language ("provider.reason.*"):
   * no model configured on the server, AI answers switched off by the merchant, or AI.
   */
  reason: ModelProviderReason;
}

export type ModelProviderReason = "not_configured" | "switched_off" | "ai";

export interface ModelEnv {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_PROVIDER_NAME: string;
  OPENAI_MODEL?: string | undefined;
}

export function describeModelProvider(env: ModelEnv, aiEnabled: boolean): ModelProviderInfo {
  const configured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  if (!configured) return { mode: "basic", name: null, host: null, model: null, reason: "not_configured" };
  if (!aiEnabled) return { mode: "basic", name: null, host: null, model: null, reason: "switched_off" };
  let host = "api.openai.com";
  if (env.OPENAI_BASE_URL) {
    try {
      host = new URL(env.OPENAI_BASE_URL).host;
    } catch {
      host = env.OPENAI_BASE_URL;
    }
  }
  return { mode: "ai", name: env.OPENAI_PROVIDER_NAME, host, model: env.OPENAI_MODEL || null, reason: "ai" };
}
