// The whole demo stack for one browser test file: a fresh data dir (new keys, new
// SQLite database), every port random, the built app in a child process, and the
// model either basic mode (deterministic) or the scriptable OpenAI fake.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDemoStack, type DemoStack, type ModelChoice } from "../../../demo/storefront/stack/demo-stack";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export interface BrowserDemo extends DemoStack {
  logs(): string;
  dispose(): Promise<void>;
}

export async function startBrowserDemo(options: { model?: ModelChoice; appEnv?: Record<string, string> } = {}): Promise<BrowserDemo> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "psa-browser-demo-"));
  const lines: string[] = [];
  try {
    const stack = await startDemoStack({
      root,
      dataDir,
      model: options.model ?? { kind: "basic" },
      ports: { storefront: 0, app: 0, adminApi: 0, admin: 0, openai: 0 },
      // `npm test` builds first; a stale build here means the test runs old code, so rebuild.
      // DEMO_BUILD=0 serves build/ as it is (several people sharing one tree, or a widget-only
      // change: the widget's assets are served from extensions/ and need no app build).
      build: process.env.DEMO_BUILD !== "0",
      nodeEnv: "test",
      appEnv: options.appEnv,
      log: (line) => {
        lines.push(line);
        if (lines.length > 2000) lines.shift();
      },
    });
    return {
      ...stack,
      logs: () => lines.join("\n"),
      async dispose() {
        await stack.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`the demo stack did not start: ${message}\n--- demo log ---\n${lines.slice(-60).join("\n")}`);
  }
}
