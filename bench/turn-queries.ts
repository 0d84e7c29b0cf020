// turn-queries: the SQL statements one chat turn runs, counted on the built app server
// (DATABASE_QUERY_LOG=1 makes app/db/create-database.server.ts print each one). The
// model is the OpenAI fake answering at once, so what is left is the app's own work.
// Prints `name value` lines, then (with --list) every statement of both turns.
// Loopback only; a handful of turns. Needs the built app (`npm run build`).
import { startOpenAiFake } from "../demo/openai-fake/server";
import { parseSseText } from "../test/support/storefront-shopper";
import { startAppServer, TEST_APP_ENV } from "../test/support/app-server";
import { appProxyParams, signAppProxyQuery } from "../test/support/shopify-signing";
import { createTestDatabase } from "../test/support/test-database";

const SHOP = "demo-shop.myshopify.com";
const list = process.argv.includes("--list");

const database = await createTestDatabase();
await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
const fake = await startOpenAiFake({
  brain: () => ({ text: "We have the trail boots in sizes 38 to 46.", usage: { prompt: 50, completion: 12 } }),
});
const server = await startAppServer({
  DATABASE_URL: database.url,
  DATABASE_QUERY_LOG: "1",
  DATABASE_SQLITE_STOCK: process.env.DATABASE_SQLITE_STOCK,
  OPENAI_API_KEY: "sk-bench",
  OPENAI_BASE_URL: fake.baseUrl,
  RATE_LIMIT_IP_PER_MINUTE: "100000000",
  RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
  RATE_LIMIT_CONVERSATION_PER_MINUTE: "100000000",
  // Every request comes from one address here.
  RATE_LIMIT_CONCURRENT_PER_CLIENT: "100000",
});

const chatUrl = () => `${server.url}/proxy/chat?${signAppProxyQuery(appProxyParams({ shop: SHOP }), TEST_APP_ENV.SHOPIFY_API_SECRET)}`;
async function turn(conversation?: { id: string; token: string }) {
  const body = {
    message: "Do you have trail boots?",
    ...(conversation ? { conversationId: conversation.id, conversationToken: conversation.token } : {}),
  };
  const response = await fetch(chatUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.5" },
    body: JSON.stringify(body),
  });
  const events = parseSseText(await response.text());
  if (!events.some((e) => e.event === "done")) throw new Error(`turn failed: ${JSON.stringify(events)}`);
  return events.find((e) => e.event === "conversation")?.data as { id: string; token: string } | undefined;
}

const statementsOf = async (run: () => Promise<unknown>) => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const before = server.output().length;
  await run();
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the log lines arrive
  return server
    .output()
    .slice(before)
    .split("\n")
    .filter((line) => line.startsWith("[query]"));
};

try {
  const first = await turn(); // warm-up: sessions, caches, JIT
  await turn(first);
  let created: { id: string; token: string } | undefined;
  const newConversation = await statementsOf(async () => (created = await turn()));
  const nextTurn = await statementsOf(() => turn(created));
  // Each statement by its first SQL word (the log line is `[query] <ms>ms <SQL>`).
  const kinds = (lines: string[]) => {
    const first = (line: string) => /ms (?:--.*?"(\w+)"|(\w+))/.exec(line)?.slice(1).find(Boolean)?.toLowerCase() ?? "other";
    const counts: Record<string, number> = { select: 0, insert: 0, update: 0, delete: 0, begin: 0, commit: 0 };
    for (const line of lines) counts[first(line)] = (counts[first(line)] ?? 0) + 1;
    return counts;
  };
  console.log(`turn_statements_new_conversation ${newConversation.length}`);
  console.log(`turn_statements_next_turn ${nextTurn.length}`);
  for (const [name, lines] of [
    ["new_conversation", newConversation],
    ["next_turn", nextTurn],
  ] as const) {
    for (const [kind, n] of Object.entries(kinds(lines))) console.log(`turn_${name}_${kind} ${n}`);
  }
  if (list) {
    for (const [name, lines] of [
      ["new conversation", newConversation],
      ["next turn", nextTurn],
    ] as const) {
      console.log(`--- statements of a turn (${name}) ---`);
      for (const line of lines) console.log(line);
    }
  }
} finally {
  await server.close();
  await fake.close();
  await database.cleanup();
}
