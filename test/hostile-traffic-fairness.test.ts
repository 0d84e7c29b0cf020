// Fairness under hostile traffic, measured from outside against the built app: another
// shopper's median chat time while (a) a flooder hammers one conversation from 8
// connections (mostly 429s) and (b) 400 slow-header/slow-body connections are held open.
// Each bound is "at most 1.5x the median without the attack" over enough samples, with the
// baseline taken before and after the attack (the larger of the two: a busy machine
// drifts) and a few milliseconds of slack for timer granularity. Every loop is bounded
// and stops by itself; loopback only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_APP_ENV, type AppServer } from "./support/app-server";
import { appProxyParams, signAppProxyQuery } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { median, RawConnection, requestHead } from "./support/raw-http";

const SHOP = "demo-shop.myshopify.com";
const SAMPLES = 25;
const RATIO = 1.5;
const SLACK_MS = 10;

const signedPath = (path: string) => `/proxy${path}?${signAppProxyQuery(appProxyParams({ shop: SHOP }), TEST_APP_ENV.SHOPIFY_API_SECRET)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("fairness under hostile traffic", () => {
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
    server = await startAppServer({
      DATABASE_URL: database.url,
      // Clients are told apart by the address the (test's) proxy appends.
      TRUSTED_PROXY_HOPS: "1",
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      SERVER_HEADERS_TIMEOUT_MS: "2000",
      SERVER_REQUEST_TIMEOUT_MS: "4000",
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  /** One shopper turn (basic mode, a new conversation each time), start to `done`; its duration in ms. */
  let victims = 0;
  async function victimTurn(): Promise<number> {
    // A new conversation each time, from an address of its own (20 new conversations per address and minute).
    const address = `198.51.${100 + Math.floor(victims / 250)}.${victims++ % 250}`;
    const started = performance.now();
    const response = await fetch(`${server.url}${signedPath("/chat")}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ message: "Do you have merino socks?" }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(text).toContain("event: done");
    return performance.now() - started;
  }

  async function victimMedian(): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push(await victimTurn());
    return median(times);
  }

  // Noise on a shared machine only ever makes the attack look worse (a burst of other
  // work during the "during" window), so a round that meets the bound proves it; up to
  // three rounds are measured before the test fails. A real regression (the 5x of the
  // issue) fails every round.
  const ROUNDS = 3;

  async function assertFair(label: string, attack: () => Promise<() => Promise<void>>) {
    await victimTurn(); // warm up
    const rounds: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const before = await victimMedian();
      const stop = await attack();
      let during: number;
      try {
        during = await victimMedian();
      } finally {
        await stop();
      }
      const after = await victimMedian();
      const baseline = Math.max(before, after);
      rounds.push(`round ${round}: before ${before.toFixed(1)} ms, during ${during.toFixed(1)} ms, after ${after.toFixed(1)} ms`);
      console.log(`[fairness] ${label}: ${rounds.at(-1)}`);
      if (during <= RATIO * baseline + SLACK_MS) return;
    }
    expect.fail(`${label}: another shopper's median rose by more than ${RATIO}x in every round:\n${rounds.join("\n")}`);
  }

  it("a flooder's 429 storm on one conversation raises another shopper's median by at most 1.5x", async () => {
    const opened = await fetch(`${server.url}${signedPath("/chat")}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.66" },
      body: JSON.stringify({ message: "hello" }),
    });
    const first = (await opened.text()).split("\n").find((line) => line.startsWith("data:") && line.includes('"token"'))!;
    const { id, token } = JSON.parse(first.slice(5)) as { id: string; token: string };
    const statuses = new Map<number, number>();
    const floodStarted = Date.now();

    await assertFair("flood", async () => {
      let stopping = false;
      const deadline = Date.now() + 120_000;
      const flooder = async () => {
        while (!stopping && Date.now() < deadline) {
          const response = await fetch(`${server.url}${signedPath("/chat")}`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.66" },
            body: JSON.stringify({ conversationId: id, conversationToken: token, message: "flood" }),
            signal: AbortSignal.timeout(30_000),
          }).catch(() => null);
          if (!response) continue;
          await response.text().catch(() => undefined);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      };
      const loops = Array.from({ length: 8 }, flooder);
      await sleep(200);
      return async () => {
        stopping = true;
        await Promise.all(loops);
      };
    });
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`[fairness] flood answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
    // The flooder got its conversation's budget (20 turns a minute, for each started minute) and 429s beyond it.
    expect(statuses.get(200) ?? 0).toBeLessThanOrEqual(20 * Math.ceil((Date.now() - floodStarted) / 60_000));
    expect(statuses.get(429) ?? 0).toBeGreaterThan(0);
    expect(total).toBe((statuses.get(200) ?? 0) + (statuses.get(429) ?? 0));
  }, 300_000);

  it("400 slow-header and slow-body connections raise another shopper's median by at most 1.5x, and the server closes them", async () => {
    const connections: RawConnection[] = [];
    await assertFair("slow connections", async () => {
      for (let i = 0; i < 400; i++) {
        const connection = await RawConnection.open(server.url);
        connection.socket.on("error", () => undefined);
        connections.push(connection);
        const forwarded = `203.0.${Math.floor(i / 200)}.${i % 200}`;
        if (i % 2 === 0) {
          // Slow headers: the head never completes.
          void connection
            .write(`POST ${signedPath("/chat")} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: ${forwarded}\r\n`)
            .catch(() => undefined);
        } else {
          // Slow body: a whole head, then a body that never completes.
          void connection
            .write(
              requestHead("POST", signedPath("/chat"), {
                "Content-Type": "application/json",
                "Content-Length": 1000,
                "X-Forwarded-For": forwarded,
              }) + '{"message":"',
            )
            .catch(() => undefined);
        }
      }
      // A byte every 500 ms on each, 40 at most: the clients stop by themselves.
      let ticks = 0;
      const drip = setInterval(() => {
        if (++ticks > 40) return clearInterval(drip);
        for (const connection of connections)
          if (!connection.socket.destroyed) connection.socket.write(ticks % 2 ? "X-A: b\r\n".slice(0, 1) : "a");
      }, 500);
      return async () => clearInterval(drip);
    });
    // The header and request timeouts (2 s and 4 s here) close every one of them.
    const deadline = Date.now() + 30_000;
    while (connections.some((c) => !c.socket.destroyed && !c.ended) && Date.now() < deadline) await sleep(100);
    const open = connections.filter((c) => !c.socket.destroyed && !c.ended).length;
    for (const connection of connections) connection.destroy();
    expect(open).toBe(0);
  }, 300_000);
});
