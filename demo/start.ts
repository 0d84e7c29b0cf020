// `npm run demo`: the whole app offline on 127.0.0.1, with a demo store, a local
// storefront that plays Shopify (renders the extension's real Liquid, signs app
// proxy requests) and the embedded admin with App Bridge stood in for.
//
//   npm run demo                    basic mode, or the model in OPENAI_API_KEY
//   npm run demo -- --fake-model    answers from the local OpenAI-compatible fake
//
// Ports (env): DEMO_STOREFRONT_PORT 8080, DEMO_APP_PORT 3000, DEMO_ADMIN_API_PORT 3100,
// DEMO_ADMIN_PORT 8090, DEMO_OPENAI_PORT 3200; a busy port falls back to a free one.
// State lives in .demo/ (keys.env, demo.db); delete the folder to start over.
import path from "node:path";
import { startDemoStack, type ModelChoice } from "./storefront/stack/demo-stack";
import { portFromEnv } from "./storefront/stack/ports";

const root = path.resolve(import.meta.dirname, "..");

function banner(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = "=".repeat(width);
  return [rule, ...lines.map((l) => `| ${l.padEnd(width - 4)} |`), rule].join("\n");
}

async function main() {
  if (process.env.NODE_ENV === "production") {
    console.error("Refusing to start the demo with NODE_ENV=production: demo wiring must never run in production.");
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const model: ModelChoice = args.includes("--fake-model")
    ? { kind: "fake" }
    : process.env.OPENAI_API_KEY
      ? { kind: "openai", apiKey: process.env.OPENAI_API_KEY, baseUrl: process.env.OPENAI_BASE_URL, model: process.env.OPENAI_MODEL }
      : { kind: "basic" };

  console.log(
    banner([
      "DEMO MODE: an offline stand-in for Shopify, for trying the app.",
      "Fake store, fake admin, demo keys in .demo/keys.env. Not for production.",
    ]),
  );

  const stack = await startDemoStack({
    root,
    dataDir: path.join(root, ".demo"),
    model,
    ports: {
      storefront: portFromEnv("DEMO_STOREFRONT_PORT", 8080),
      app: portFromEnv("DEMO_APP_PORT", 3000),
      adminApi: portFromEnv("DEMO_ADMIN_API_PORT", 3100),
      admin: portFromEnv("DEMO_ADMIN_PORT", 8090),
      openai: portFromEnv("DEMO_OPENAI_PORT", 3200),
    },
    log: (line) => console.log(line),
  });

  const modelLine =
    model.kind === "fake"
      ? `model: local OpenAI fake at ${stack.openAiFake?.baseUrl}`
      : model.kind === "openai"
        ? `model: ${model.model ?? "gpt-4o-mini"} at ${model.baseUrl ?? "https://api.openai.com/v1"}`
        : "model: none (basic mode: set OPENAI_API_KEY, or pass --fake-model)";
  console.log(
    banner([
      "DEMO MODE is running",
      `Storefront:    ${stack.storefrontUrl}`,
      `Admin:         ${stack.adminUrl}`,
      `App:           ${stack.appUrl}`,
      `Admin API fake ${stack.adminApiUrl}`,
      modelLine,
      "Demo customers: log in at the storefront's /account/login.",
      "Ctrl-C stops everything.",
    ]),
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping the demo …");
    void stack.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
