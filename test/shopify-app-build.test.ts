// `shopify app build` (Shopify's own CLI) must succeed offline: it runs theme check on
// the extension and bundles it as `shopify app deploy` would.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

describe("shopify app build", () => {
  it("builds the app and its theme extension with no network", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "shopify"),
      ["app", "build", "--path", root, "--skip-dependencies-installation"],
      { cwd: root, env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" }, timeout: 120_000 },
    );
    const output = `${stdout}\n${stderr}`;
    expect(output).toMatch(/Running theme check on your Theme app extension/);
    expect(output).toMatch(/built!/);
  }, 150_000);
});
