// The fake speaks OpenAI's wire format well enough for the real SDK, refuses what the
// real API refuses, and records every body it gets.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiFake, type OpenAiFake } from "./server";

describe("OpenAI-compatible fake", () => {
  let fake: OpenAiFake;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startOpenAiFake();
    client = new OpenAI({ apiKey: "sk-test", baseURL: fake.baseUrl, maxRetries: 0, timeout: 2_000 });
  });
  afterAll(() => fake.close());

  it("streams text in chunks with usage last, and records the body", async () => {
    fake.reset();
    fake.script({ text: "Hello there, shopper!", usage: { prompt: 11, completion: 4 } });
    const stream = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
      store: false,
    });
    let text = "";
    let usage: unknown = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("Hello there, shopper!");
    expect(chunks).toBeGreaterThan(3);
    expect(usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 4 });
    expect(fake.requests[0]).toMatchObject({ model: "m", store: false, stream: true });
    expect(JSON.parse(fake.rawBodies[0]!)).toEqual(fake.requests[0]);
  });

  it("streams tool calls in the delta format the SDK reassembles", async () => {
    fake.script({ toolCalls: [{ name: "search_products", arguments: { query: "merino wool tee", maxPrice: 60 } }] });
    const stream = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "tee" }], stream: true });
    let args = "";
    let name = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      name += call?.function?.name ?? "";
      args += call?.function?.arguments ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(name).toBe("search_products");
    expect(JSON.parse(args)).toEqual({ query: "merino wool tee", maxPrice: 60 });
    expect(finish).toBe("tool_calls");
  });

  it("answers without streaming too", async () => {
    fake.script({ toolCalls: [{ name: "my_orders", arguments: {} }] });
    const completion = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "orders" }] });
    expect(completion.choices[0]!.message.tool_calls?.[0]).toMatchObject({
      type: "function",
      function: { name: "my_orders", arguments: "{}" },
    });
  });

  it("refuses a missing key, a malformed body and a tool message without its call", async () => {
    const noKey = await fetch(`${fake.baseUrl}/chat/completions`, { method: "POST", body: "{}" });
    expect(noKey.status).toBe(401);
    const headers = { authorization: "Bearer k", "content-type": "application/json" };
    expect((await fetch(`${fake.baseUrl}/chat/completions`, { method: "POST", headers, body: "{nope" })).status).toBe(400);
    const orphan = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ model: "m", messages: [{ role: "tool", tool_call_id: "x", content: "{}" }] }),
    });
    expect(orphan.status).toBe(400);
  });

  it("serves scripted faults: 429 with Retry-After, 500", async () => {
    fake.script({ fault: "status", status: 429, retryAfter: 7 }, { fault: "status", status: 500 });
    const headers = { authorization: "Bearer k", "content-type": "application/json" };
    const body = JSON.stringify({ model: "m", messages: [{ role: "user", content: "x" }] });
    const limited = await fetch(`${fake.baseUrl}/chat/completions`, { method: "POST", headers, body });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await fetch(`${fake.baseUrl}/chat/completions`, { method: "POST", headers, body })).status).toBe(500);
  });

  it("the demo brain picks a tool from the shopper's words, then words the result", async () => {
    const tools = ["search_products", "store_policies", "my_orders", "order_status", "request_human"].map((name) => ({
      type: "function" as const,
      function: { name, parameters: { type: "object", properties: {} } },
    }));
    const ask = async (content: string) =>
      (await client.chat.completions.create({ model: "m", tools, messages: [{ role: "user", content }] })).choices[0]!.message
        .tool_calls?.[0];
    expect(await ask("Where is my order #1002?")).toMatchObject({ function: { name: "order_status", arguments: '{"orderName":"#1002"}' } });
    expect(await ask("Quelle est votre politique de retour ?")).toMatchObject({ function: { name: "store_policies" } });
    expect(await ask("Can I talk to a person?")).toMatchObject({ function: { name: "request_human" } });
    const completion = await client.chat.completions.create({
      model: "m",
      tools,
      messages: [
        { role: "user", content: "Je cherche un t-shirt" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "search_products", arguments: "{}" } }],
        },
        {
          role: "tool",
          tool_call_id: "c1",
          content: JSON.stringify({ products: [{ title: "Classic Cotton Tee", price: "19.00 EUR", available: true }] }),
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe("Voici des produits qui correspondent : Classic Cotton Tee (19.00 EUR, en stock).");
  });
});
