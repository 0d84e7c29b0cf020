import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { newId, OTHER_SHOP, seedConversation, seedLead, SHOP, testVault } from "../../../test/support/admin-fixtures";
import { describeModelProvider } from "../../settings/model-provider";
import { loadPrivacyDashboard } from "./privacy-dashboard.server";

let t: TestDatabase;
const now = new Date("2026-11-24T12:00:00Z");
const deps = () => ({
  db: t.db,
  clock: { now: () => now },
  currentKeyId: "k2",
  provider: (ai: boolean) => describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, ai),
});
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("privacy dashboard", () => {
  it("is honest about an empty shop", async () => {
    const d = await loadPrivacyDashboard(deps(), SHOP);
    expect(d.held.every((h) => h.count === 0)).toBe(true);
    expect(d.oldest.map((o) => o.ageDays)).toEqual([null, null]);
    expect(d.retentionOverdue).toBe(false);
    expect(d.provider).toMatchObject({ mode: "basic", name: null, reason: "not_configured" });
  });

  it("counts what is held, the oldest item against retention, and rows under the current key", async () => {
    const oldKey = testVault(["k1"]);
    const newKey = testVault(["k2", "k1"]);
    await seedConversation(t.db, oldKey, { createdAt: new Date("2026-07-01T00:00:00Z"), messages: [{ role: "shopper", text: "a" }] });
    await seedConversation(t.db, newKey, {
      messages: [
        { role: "shopper", text: "b" },
        { role: "assistant", text: "c" },
      ],
    });
    await seedConversation(t.db, newKey, { shop: OTHER_SHOP, messages: [{ role: "shopper", text: "x" }] });
    await seedLead(t.db, newKey, { name: "Ana", createdAt: new Date("2026-11-20T00:00:00Z") });
    await t.db.dataRequest.create({ data: { id: newId(), shop: SHOP, webhookId: "w1", topic: "customers/redact", status: "done" } });
    const d = await loadPrivacyDashboard(deps(), SHOP);
    expect(Object.fromEntries(d.held.map((h) => [h.kind, h.count]))).toMatchObject({ conversations: 2, messages: 3, leads: 1 });
    expect(d.oldest[0]).toMatchObject({ kind: "conversation", ageDays: 146 });
    expect(d.oldest[1]).toMatchObject({ kind: "lead", ageDays: 4 });
    expect(d.retentionOverdue).toBe(true);
    expect(d.encryption.find((e) => e.kind === "messages")).toEqual({ kind: "messages", total: 3, currentKey: 2, share: 2 / 3 });
    expect(d.requests).toEqual([{ topic: "customers/redact", status: "done", count: 1 }]);
  });

  it("names the provider and host, or says no data goes to a model", () => {
    expect(describeModelProvider({ OPENAI_API_KEY: "sk", OPENAI_PROVIDER_NAME: "OpenAI" }, true)).toMatchObject({
      mode: "ai",
      name: "OpenAI",
      host: "api.openai.com",
      model: null,
      reason: "ai",
    });
    expect(describeModelProvider({ OPENAI_API_KEY: "sk", OPENAI_PROVIDER_NAME: "OpenAI", OPENAI_MODEL: "gpt-x" }, true).model).toBe(
      "gpt-x",
    );
    // No sentence and no variable names (OPENAI_API_KEY) for the merchant: a code.
    expect(describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, true)).toEqual({
      mode: "basic",
      name: null,
      host: null,
      model: null,
      reason: "not_configured",
    });
    expect(
      describeModelProvider({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_PROVIDER_NAME: "Ollama (self-hosted)" }, true),
    ).toMatchObject({ name: "Ollama (self-hosted)", host: "127.0.0.1:11434" });
    expect(describeModelProvider({ OPENAI_API_KEY: "sk", OPENAI_PROVIDER_NAME: "OpenAI" }, false)).toMatchObject({
      mode: "basic",
      name: null,
      reason: "switched_off",
    });
  });
});
