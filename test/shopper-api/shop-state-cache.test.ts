// The shopper routes' per-process cache of the shop state (app/settings/shop-settings.server.ts):
// repeated requests skip the Shop read, and this process's own pause, settings save and
// uninstall apply on the very next request; a write from elsewhere shows within the TTL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setPaused } from "../../app/incidents/incidents.server";
import { runWebhookJob } from "../../app/privacy/compliance/webhook-job.server";
import { saveSettings } from "../../app/settings/save-settings.server";
import { createShopStateCache } from "../../app/settings/shop-settings.server";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { databaseAudit, owner } from "../support/admin-fixtures";
import { createHarness, OTHER_SHOP, readSse, SHOP, signedRequest, type Harness } from "./harness";

const TTL_MS = 5_000;

describe("shop state cache of the shopper routes", () => {
  let h: Harness;
  let now = 1_000_000;
  const chat = async (shop = SHOP) => {
    const response = await handleChat(signedRequest("/chat", { shop, body: { message: "hello" } }), h.deps);
    return { status: response.status, events: response.status === 200 ? (await readSse(response)).map((e) => e.event) : [] };
  };
  const stored = () => h.database.db.message.count();

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.cleanup());
  beforeEach(async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    await h.database.db.shop.update({ where: { shop: SHOP }, data: { paused: false } });
    await h.database.db.message.deleteMany();
  });

  it("reads the shop once per TTL; a write from another process shows within the TTL", async () => {
    const cache = createShopStateCache({ ttlMs: TTL_MS, now: () => now });
    h.deps.caches = { shopStates: cache };
    expect((await chat()).events.at(-1)).toBe("done");
    // Paused behind this process's back (another replica): answered from the cache until the TTL ends.
    await h.database.db.shop.update({ where: { shop: SHOP }, data: { paused: true } });
    await chat();
    expect(await stored()).toBe(4);
    now += TTL_MS;
    await chat();
    expect(await stored()).toBe(4);
  });

  it("applies this process's pause, settings save and uninstall on the next request", async () => {
    const cache = createShopStateCache({ ttlMs: 60_000 });
    const forgetShop = (shop: string) => cache.forget(shop);
    h.deps.caches = { shopStates: cache };
    const audit = databaseAudit(h.database.db);
    await chat();
    expect(await stored()).toBe(2);

    await setPaused({ db: h.database.db, audit, clock: { now: () => new Date() }, forgetShop }, { shop: SHOP, staff: owner, paused: true });
    await chat();
    expect(await stored()).toBe(2);
    await setPaused(
      { db: h.database.db, audit, clock: { now: () => new Date() }, forgetShop },
      { shop: SHOP, staff: owner, paused: false },
    );
    await chat();
    expect(await stored()).toBe(4);

    // Consent required again: the next turn stores nothing until the shopper accepts.
    const saved = await saveSettings(
      { db: h.database.db, audit, publish: async () => ({ ok: true }) as never, forgetShop },
      { shop: SHOP, staff: owner, patch: { privacy: { consentRequired: true } } },
    );
    expect(saved.ok).toBe(true);
    expect((await chat()).events).not.toContain("conversation");
    expect(await stored()).toBe(4);

    expect((await chat(OTHER_SHOP)).status).toBe(200);
    const job = { id: "job-1", shop: OTHER_SHOP, kind: "webhook", attempts: 0 };
    await runWebhookJob(
      { webhookId: "w-1", topic: "app/uninstalled", body: {} },
      { db: h.database.db, vault: h.deps.vault, clock: { now: () => new Date() }, forgetShop, job },
    );
    expect((await chat(OTHER_SHOP)).status).toBe(404);
  });
});
