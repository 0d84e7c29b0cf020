// Every admin page loader through the built app, as the embedded admin calls it:
// a valid session token, the offline session seeded, the Admin API fake behind
// demo mode. First with an empty shop (empty states), then with hostile strings in
// every stored field (escaped by React, never executed), then the actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApiFake, type AdminApiFake } from "../demo/admin-api/start-admin-api-fake";
import { createVault } from "../app/infra/crypto/crypto.server";
import { BROWSER_HEADERS, startAppServer, TEST_APP_ENV, TEST_ENCRYPTION_KEYS, TEST_HASH_KEY, type AppServer } from "./support/app-server";
import { embeddedAdminQuery, sessionToken } from "./support/shopify-signing";
import { seedOfflineSession } from "./support/shopify-session";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { newId, seedConversation, seedLead, SHOP } from "./support/admin-fixtures";
import { addCalendarDays, zonedDayOf, zonedDayStart } from "../app/admin-ui/i18n/zoned-time";

const APP_BRIDGE_STAND_IN = "http://127.0.0.1:9/app-bridge.js";
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const PAGES = [
  ["/app", "Set-up"],
  ["/app/assistant", "Greeting"],
  ["/app/privacy", "Privacy notice"],
  ["/app/knowledge", "FAQ"],
  ["/app/conversations", "Conversations"],
  ["/app/leads", "Leads"],
  ["/app/data-requests", "Data requests"],
  ["/app/analytics", "Conversations per day|No conversations in this period"],
  ["/app/audit", "Audit log"],
  ["/app/dashboard", "What we hold"],
  ["/app/incidents", "Pause the assistant"],
] as const;

describe("admin pages", () => {
  let database: TestDatabase;
  let fake: AdminApiFake;
  let server: AppServer;
  const vault = createVault(TEST_ENCRYPTION_KEYS, TEST_HASH_KEY);
  const token = (userId = "1001") =>
    sessionToken({ shop: SHOP, apiKey: TEST_APP_ENV.SHOPIFY_API_KEY, secret: TEST_APP_ENV.SHOPIFY_API_SECRET, userId });
  const page = (path: string) =>
    fetch(`${server.url}${path}?${embeddedAdminQuery({ shop: SHOP, token: token() })}`, { headers: BROWSER_HEADERS });
  const post = (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
    return fetch(`${server.url}${path}`, { method: "POST", headers: { ...BROWSER_HEADERS, Authorization: `Bearer ${token()}` }, body });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startAdminApiFake({
      accessToken: "shpat_admin_pages",
      apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
      apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
    });
    await seedOfflineSession(database.db, {
      shop: SHOP,
      accessToken: "shpat_admin_pages",
      keys: TEST_ENCRYPTION_KEYS,
      hashKey: TEST_HASH_KEY,
    });
    await database.db.shop.create({ data: { shop: SHOP } });
    // The demo's App Bridge stand-in (never fetched here: no browser).
    server = await startAppServer({
      DATABASE_URL: database.url,
      DEMO_MODE: "1",
      DEMO_ADMIN_API_ORIGIN: fake.origin,
      APP_BRIDGE_URL: APP_BRIDGE_STAND_IN,
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
    await database?.cleanup();
  });

  it("renders every page for a new shop, with empty states", async () => {
    for (const [path, expected] of PAGES) {
      const response = await page(path);
      const html = await response.text();
      expect(response.status, `${path}\n${server.output()}`).toBe(200);
      expect(html, path).toMatch(new RegExp(expected));
    }
    expect(await (await page("/app/conversations")).text()).toContain("No conversations yet");
    // Demo mode: nothing points the browser at Shopify's CDN (no preload, preconnect or script).
    for (const path of ["/app", "/app/privacy"]) {
      const response = await page(path);
      expect(response.headers.get("link") ?? "", path).not.toContain("cdn.shopify.com");
      expect(await response.text(), path).not.toContain("cdn.shopify.com");
    }
    const bounce = await fetch(`${server.url}/auth/session-token?shop=${SHOP}&shopify-reload=${encodeURIComponent(`${server.url}/app`)}`, {
      headers: BROWSER_HEADERS,
    });
    expect(bounce.status).toBe(200);
    expect(bounce.headers.get("link") ?? "").not.toContain("cdn.shopify.com");
    const bouncePage = await bounce.text();
    expect(bouncePage).not.toContain("cdn.shopify.com");
    expect(bouncePage).toContain(APP_BRIDGE_STAND_IN);
    expect(await (await page("/app/leads")).text()).toContain("No leads yet");
    const home = await (await page("/app")).text();
    expect(home).toContain(`activateAppId=${TEST_APP_ENV.SHOPIFY_API_KEY}/assistant-embed`);
    expect(home).toContain("has not been seen on your storefront yet"); // "To do", with the deep link
    await database.db.shop.update({ where: { shop: SHOP }, data: { widgetSeenAt: new Date() } });
    const seen = await (await page("/app")).text();
    expect(seen).toContain("The assistant was seen on your storefront within the last hour.");
    // done: no call to action (in the rendered page; the page's data carries the admin's dictionary)
    expect(seen.replace(/<script\b[\s\S]*?<\/script>/g, "")).not.toContain("Open the theme editor");
  });

  it("escapes hostile stored strings on every page", async () => {
    const id = await seedConversation(database.db, vault, {
      messages: [
        { role: "shopper", text: HOSTILE, topic: "other" },
        { role: "assistant", text: HOSTILE, cards: [{ kind: "policy", title: HOSTILE }] },
      ],
    });
    await seedLead(database.db, vault, { name: HOSTILE, email: "a@example.com", message: HOSTILE });
    await database.db.knowledgeEntry.create({ data: { id: newId(), shop: SHOP, kind: "faq", question: HOSTILE, answer: HOSTILE } });
    await database.db.auditEvent.create({
      data: {
        id: newId(),
        shop: SHOP,
        actor: "1001",
        actorName: HOSTILE,
        action: "settings.updated",
        detailJson: JSON.stringify({ fields: [HOSTILE] }),
      },
    });
    await database.db.dataRequest.create({
      data: { id: newId(), shop: SHOP, webhookId: "w1", topic: HOSTILE, status: HOSTILE, summaryJson: JSON.stringify({ [HOSTILE]: 1 }) },
    });
    for (const path of [...PAGES.map(([p]) => p), `/app/conversations/${id}`]) {
      const response = await page(path);
      const html = await response.text();
      expect(response.status, `${path}\n${server.output()}`).toBe(200);
      expect(html, path).not.toContain(`<img src=x onerror`);
      expect(html.match(/<script>alert/g), path).toBeNull();
    }
    const transcript = await (await page(`/app/conversations/${id}`)).text();
    expect(transcript).toContain("&lt;script&gt;alert");
    const views = await database.db.auditEvent.count({ where: { shop: SHOP, action: "transcript.viewed", targetId: id } });
    expect(views).toBe(2);
  });

  it("shows a transcript in the admin's language, its times in the shop's time zone", async () => {
    const createdAt = new Date("2026-03-01T23:30:00Z");
    const id = await seedConversation(database.db, vault, {
      createdAt,
      outcome: "handed_off",
      messages: [
        { role: "shopper", text: "Wo ist meine Bestellung?", topic: "order" },
        { role: "assistant", text: "Ich sehe nach.", topic: "order" },
      ],
    });
    const before = (await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).settingsJson;
    const settings = JSON.parse(before);
    await database.db.shop.update({
      where: { shop: SHOP },
      data: { settingsJson: JSON.stringify({ ...settings, handoff: { ...settings.handoff, timeZone: "Asia/Tokyo" } }) },
    });
    try {
      const response = await fetch(
        `${server.url}/app/conversations/${id}?${embeddedAdminQuery({ shop: SHOP, token: token() })}&locale=de`,
        {
          headers: BROWSER_HEADERS,
        },
      );
      expect(response.status, server.output()).toBe(200);
      // What the page shows (the page's data also carries the dictionary, so scripts are left out).
      const shown = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
      const tokyo = createdAt.toLocaleString("de", {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: "Asia/Tokyo",
        timeZoneName: "short",
      });
      expect(tokyo).toContain("2. März 2026"); // the next day in Tokyo
      expect(shown).toContain(`Unterhaltung vom ${tokyo}`);
      for (const words of ["Kund:in", "Assistent", "Letzte Nachricht", "Übergeben", "Bestellungen", "Sprache"])
        expect(shown).toContain(words);
      for (const english of ["Conversation of", "Shopper", "Last message", "UTC", "Mode:", "handed_off"])
        expect(shown).not.toContain(english);
      // A transcript that does not exist: said in German, no code.
      const missing = await fetch(`${server.url}/app/conversations/nope?${embeddedAdminQuery({ shop: SHOP, token: token() })}&locale=de`, {
        headers: BROWSER_HEADERS,
      });
      expect(missing.status).toBe(404);
      const missingShown = (await missing.text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
      expect(missingShown).toContain("Unterhaltung nicht gefunden");
      expect(missingShown).not.toContain("TRANSCRIPT_NOT_FOUND");
    } finally {
      await database.db.shop.update({ where: { shop: SHOP }, data: { settingsJson: before } });
    }
  });

  it("reads the conversations filter's days and the analytics days in the shop's time zone", async () => {
    // No zone chosen for business hours: the shop's own, Europe/Berlin (the Admin API fake's shop).
    const withQuery = (path: string, query: string) =>
      fetch(`${server.url}${path}?${query}&${embeddedAdminQuery({ shop: SHOP, token: token() })}`, { headers: BROWSER_HEADERS });
    // 00:30 on 1 July 2025 in Berlin (CEST), still 30 June in UTC.
    const early = await seedConversation(database.db, vault, { createdAt: new Date("2025-06-30T22:30:00Z") });
    const july = await withQuery("/app/conversations", "from=2025-07-01&to=2025-07-01");
    expect(july.status, server.output()).toBe(200);
    expect(await july.text()).toContain(`/app/conversations/${early}`);
    expect(await (await withQuery("/app/conversations", "from=2025-06-30&to=2025-06-30")).text()).not.toContain(early);
    // Midnight today in Berlin is the evening before in UTC: Analytics counts it today.
    const today = zonedDayOf(new Date(), "Europe/Berlin");
    await seedConversation(database.db, vault, { createdAt: zonedDayStart(today, "Europe/Berlin")! });
    const analytics = await (await withQuery("/app/analytics", "range=7")).text();
    const perDay = JSON.parse(/"perDay":(\[[^\]]*\])/.exec(analytics)?.[1] ?? "[]") as { day: string; count: number }[];
    expect(perDay).toHaveLength(7);
    expect(perDay.at(-1)!.day).toBe(today);
    expect(perDay.at(-1)!.count).toBeGreaterThanOrEqual(1);
    expect(perDay.at(-2)).toEqual({ day: addCalendarDays(today, -1), count: 0 });
  });

  it("saves privacy settings (audited, widget config published) and shows field errors", async () => {
    const bad = await post("/app/privacy", { retentionDays: "9999", aiDisclosure: "AI here", orderVerification: "logged_in" });
    expect(await bad.text()).toContain("1 to 730");
    const ok = await post("/app/privacy", {
      aiDisclosure: "You are chatting with an AI.",
      privacyNotice: "We keep chats 30 days.",
      privacyPolicyUrl: "",
      consentRequired: "on",
      keepTranscripts: "on",
      retentionDays: "30",
      redactEmails: "on",
      redactPhones: "on",
      orderLookup: "on",
      orderVerification: "logged_in",
      aiEnabled: "on",
      transcriptViewers: "",
    });
    expect(ok.status, server.output()).toBe(200);
    const saved = JSON.parse((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).settingsJson);
    expect(saved.privacy).toMatchObject({ retentionDays: 30, orderVerification: "logged_in", noticeVersion: 2 });
    const config = fake.appMetafields().shop_assistant?.widget_config;
    expect(config?.jsonValue).toMatchObject({
      privacyNotice: "We keep chats 30 days.",
      noticeVersion: 2,
      consentRequired: true,
      maxMessageLength: 1000,
    });
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { shop: SHOP, action: "settings.updated", actor: "1001", targetType: "settings" },
    });
    expect(audit.detailJson).toContain("privacy.retentionDays");
  });

  it("saves a German greeting, disclosure and notice; the published widget config carries them for German storefronts", async () => {
    const response = await post("/app/privacy", {
      aiDisclosure: "You are chatting with an AI.",
      privacyNotice: "We keep chats 30 days.",
      privacyPolicyUrl: "",
      consentRequired: "on",
      keepTranscripts: "on",
      retentionDays: "30",
      orderLookup: "on",
      orderVerification: "logged_in",
      aiEnabled: "on",
      transcriptViewers: "",
      "text.de.greeting": "Hallo! Wie kann ich helfen?",
      "text.de.aiDisclosure": "Sie chatten mit einer KI.",
      "text.de.privacyNotice": "",
      "text.fr.greeting": "",
      "text.fr.aiDisclosure": "",
      "text.fr.privacyNotice": "",
      "text.es.greeting": "",
      "text.es.aiDisclosure": "",
      "text.es.privacyNotice": "",
    });
    expect(response.status, server.output()).toBe(200);
    const saved = JSON.parse((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).settingsJson);
    expect(saved.privacy.localizedTexts).toEqual({
      de: { greeting: "Hallo! Wie kann ich helfen?", aiDisclosure: "Sie chatten mit einer KI." },
    });
    const config = fake.appMetafields().shop_assistant?.widget_config?.jsonValue as
      { localizedTexts?: Record<string, unknown> } | undefined;
    expect(config?.localizedTexts).toEqual({ de: { greeting: "Hallo! Wie kann ich helfen?", aiDisclosure: "Sie chatten mit einer KI." } });
    // The page shows them back for editing.
    expect(await (await page("/app/privacy")).text()).toContain("Hallo! Wie kann ich helfen?");
  });

  it("offers texts for exactly the shop's published languages but the primary one (shopLocales), and falls back when they cannot be read", async () => {
    const offered = async () => {
      const html = await (await page("/app/privacy")).text();
      return { html, locales: [...new Set([...html.matchAll(/name="text\.([\w-]+)\.greeting"/g)].map((m) => m[1]))] };
    };
    // The demo shop publishes en (primary), de, fr and es.
    expect((await offered()).locales).toEqual(["de", "fr", "es"]);
    const shop = fake.store.shop;
    const published = shop.publishedLocales;
    shop.publishedLocales = ["en", "it", "de"];
    try {
      const { html, locales } = await offered();
      expect(locales).toEqual(["it", "de"]);
      expect(html).toContain("Italian");
      // Saving that form keeps the texts of a language no longer published (French here).
      await database.db.shop.update({
        where: { shop: SHOP },
        data: { settingsJson: JSON.stringify({ privacy: { localizedTexts: { fr: { greeting: "Bonjour !" } } } }) },
      });
      const saved = await post("/app/privacy", {
        aiDisclosure: "You are chatting with an AI.",
        privacyNotice: "We keep chats 30 days.",
        privacyPolicyUrl: "",
        retentionDays: "30",
        orderVerification: "logged_in",
        transcriptViewers: "",
        "text.it.greeting": "Ciao!",
        "text.it.aiDisclosure": "",
        "text.it.privacyNotice": "",
        "text.de.greeting": "Hallo!",
        "text.de.aiDisclosure": "",
        "text.de.privacyNotice": "",
      });
      expect(saved.status, server.output()).toBe(200);
      const settings = JSON.parse((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).settingsJson);
      expect(settings.privacy.localizedTexts).toEqual({
        fr: { greeting: "Bonjour !" },
        it: { greeting: "Ciao!" },
        de: { greeting: "Hallo!" },
      });
    } finally {
      shop.publishedLocales = published;
    }
    // The Admin API failing (every retry of every read of this page): the widget's languages, said so.
    fake.injectFault({ kind: "error500", count: 20 });
    try {
      const { html, locales } = await offered();
      expect(locales).toEqual(["de", "fr", "es", "it"]); // "it" has saved texts
      expect(html).toContain("could not be read");
    } finally {
      await fetch(`${fake.origin}/__fake/faults`, { method: "DELETE" });
    }
  });

  it("saves assistant settings from the form (Polaris ChoiceList names, business hours)", async () => {
    const response = await post("/app/assistant", {
      greeting: "Hello!",
      tone: "concise",
      instructions: "Mention free returns.",
      allowedTopics: "",
      blockedTopics: "politics\nmedical advice",
      refusalText: "Sorry, not here.",
      handoffEmail: "help@example.com",
      timeZone: "Europe/Berlin",
      "leadFields[]": ["email", "message"],
      open1: "09:00",
      close1: "17:00",
    });
    expect(response.status, server.output()).toBe(200);
    const saved = JSON.parse((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).settingsJson);
    expect(saved.privacy.leadFields).toEqual(["email", "message"]);
    expect(saved.content.blockedTopics).toEqual(["politics", "medical advice"]);
    expect(saved.handoff).toMatchObject({ handoffEmail: "help@example.com", businessHours: [{ day: 1, open: "09:00", close: "17:00" }] });
    expect(fake.appMetafields().shop_assistant?.widget_config?.jsonValue).toMatchObject({
      greeting: "Hello!",
      leadFields: ["email", "message"],
    });
    const bad = await post("/app/assistant", { greeting: "", tone: "shouty", refusalText: "x", "leadFields[]": [] });
    expect(await bad.text()).toContain("Write a greeting of 1 to 300 characters.");
  });

  it("exports leads as CSV (audited) and refuses while paused; pause is one click", async () => {
    const csv = await post("/app/leads/export", { status: "all" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("a@example.com");
    expect(await database.db.auditEvent.count({ where: { shop: SHOP, action: "leads.exported" } })).toBe(1);
    await post("/app/incidents", { intent: "pause" });
    expect((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).paused).toBe(true);
    const refused = await post("/app/leads/export", { status: "all" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "SHOP_PAUSED" } });
    await post("/app/incidents", { intent: "resume" });
    expect(await database.db.auditEvent.count({ where: { shop: SHOP, action: { in: ["assistant.paused", "assistant.resumed"] } } })).toBe(
      2,
    );
  });
});
