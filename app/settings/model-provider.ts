// Which model provider shopper messages go to, as the merchant should be told:
// the provider's name (OPENAI_PROVIDER_NAME) and host, or "none (basic mode)" when
// no model is configured or the merchant switched AI answers off.
export interface ModelProviderInfo {
  mode: "ai" | "basic";
  name: string;
  host: string | null;
  reason: string;
}

export interface ModelEnv {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_PROVIDER_NAME: string;
  OPENAI_MODEL?: string | undefined;
}

export function describeModelProvider(env: ModelEnv, aiEnabled: boolean): ModelProviderInfo {
  const configured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  if (!configured) {
    return {
      mode: "basic",
      name: "none (basic mode)",
      host: null,
      reason: "No model is configured on the server (OPENAI_API_KEY / OPENAI_BASE_URL unset), so the built-in basic engine answers.",
    };
  }
  if (!aiEnabled) {
    return {
      mode: "basic",
      name: "none (basic mode)",
      host: null,
      reason: "AI answers are switched off in Privacy settings, so nothing is sent to a model provider.",
    };
  }
  let host = "api.openai.com";
  if (env.OPENAI_BASE_URL) {
    try {
      host = new URL(env.OPENAI_BASE_URL).host;
    } catch {
      host = env.OPENAI_BASE_URL;
    }
  }
  const model = env.OPENAI_MODEL ? ` (model ${env.OPENAI_MODEL})` : "";
  return {
    mode: "ai",
    name: env.OPENAI_PROVIDER_NAME,
    host,
    reason: `Answers come from ${env.OPENAI_PROVIDER_NAME}${model} at ${host}; the basic engine takes over if it fails.`,
  };
}
