// runTurn's rules with an in-process scripted model and a tiny Admin fake: limits,
// content boundaries, mode choice, storage. The end-to-end runs with the HTTP fakes live
// in test/assistant/.
import { describe, expect, it } from "vitest";
import { createCircuitBreaker } from "../infra/model/circuit-breaker";
import { shopSettingsSchema, type ShopSettings } from "../settings/settings-schema";
import { createInMemoryTranscriptStore } from "../conversations/in-memory-transcript-store";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { ChatModel, ChatRequest, ModelEvent } from "../infra/model/ports";
import { runTurn, type TurnDeps, type TurnEvent } from "./run-turn";

type Step = ModelEvent[] | ((request: ChatRequest) => ModelEvent[]);

function scriptedModel(steps: Step[]): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    async *stream(request) {
      requests.push(structuredClone(request));
      const step = steps.shift() ?? [{ type: "text", text: "Okay." }];
      yield* typeof step === "function" ? step(request) : step;
    },
  };
}

const product = {
  id: "gid://shopify/Product/1",
  handle: "linen-shirt",
  title: "Linen Shirt",
  status: "ACTIVE",
  onlineStoreUrl: "https://shop.example/products/linen-shirt",
  featuredMedia: null,
  priceRangeV2: { minVariantPrice: { amount: "40.00", currencyCode: "EUR" } },
  variants: { nodes: [{ id: "gid://shopify/ProductVariant/11", availableForSale: true }] },
};
const admin: AdminGraphql = async (operation) =>
  operation.includes("SearchProducts")
    ? { ok: true, data: { products: { nodes: [product] } } }
    : { ok: false, code: "UNAVAILABLE", message: "not in this fake" };

function setup(
  steps: Step[],
  options: { settings?: Record<string, Record<string, unknown>>; limits?: TurnDeps["limits"]; model?: null } = {},
) {
  const model = scriptedModel(steps);
  const transcript = createInMemoryTranscriptStore();
  const deps: TurnDeps = {
    model: options.model === null ? null : model,
    breaker: createCircuitBreaker(),
    admin,
    knowledge: { listEntries: async () => [] },
    transcript,
    limits: options.limits,
  };
  const settings: ShopSettings = shopSettingsSchema.parse(options.settings ?? {});
  const run = async (
    message: string,
    extra: { conversationTokensUsed?: number; signal?: AbortSignal; scope?: { customerId?: string; orderId?: string } } = {},
  ) => {
    const events: TurnEvent[] = [];
    for await (const e of runTurn(deps, {
      shop: "demo-shop.myshopify.com",
      conversationId: "c1",
      scope: extra.scope ?? {},
      message,
      settings,
      history: [],
      signal: extra.signal ?? new AbortController().signal,
      conversationTokensUsed: extra.conversationTokensUsed,
    }))
      events.push(e);
    return {
      events,
      text: events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join(""),
      done: events.find((e) => e.type === "done"),
    };
  };
  return { model, transcript, run, settings };
}

const search = (query: string): ModelEvent[] => [
  { type: "tool_calls", calls: [{ id: `c-${query}`, name: "search_products", arguments: JSON.stringify({ query }) }] },
];

describe("runTurn", () => {
  it("caps tool rounds: the last model call gets no tools and must answer", async () => {
    const { model, run } = setup([search("a"), search("b"), search("c")], { limits: { maxToolRounds: 2 } });
    const r = await run("shirts?");
    expect(model.requests.map((q) => q.tools.length > 0)).toEqual([true, true, false]);
    expect(r.done).toMatchObject({ mode: "ai" });
    // A tool call after the last round is not run; the shopper gets the limit message.
    expect(r.events.filter((e) => e.type === "card")).toHaveLength(2);
    expect(r.text).toMatch(/more steps than I can take/);
  });

  it("stops with a graceful message when the turn's token budget is spent", async () => {
    const { run, transcript } = setup([search("a"), search("b")], { limits: { turnTokenBudget: 2_500, maxOutputTokens: 200 } });
    const r = await run("shirts?");
    expect(r.text).toMatch(/more steps than I can take/);
    expect(r.done).toMatchObject({ mode: "ai" });
    expect(transcript.events.map((e) => e.kind)).toContain("limit_reached");
  });

  it("goes to basic mode when the conversation's token budget is spent", async () => {
    const { model, run } = setup([], { limits: { conversationTokenBudget: 1_000 } });
    const r = await run("linen shirt", { conversationTokensUsed: 1_000 });
    expect(model.requests).toHaveLength(0);
    expect(r.done).toMatchObject({ mode: "basic" });
  });

  it("estimates tokens when the provider reports no usage, and stores them", async () => {
    const { transcript, run } = setup([[{ type: "text", text: "Hello there, how can I help?" }]]);
    await run("hi");
    expect(transcript.messages.at(-1)?.tokensUsed).toBeGreaterThan(100);
  });

  it("uses the provider's usage when reported", async () => {
    const { transcript, run } = setup([
      [
        { type: "text", text: "Hi." },
        { type: "usage", promptTokens: 120, completionTokens: 3 },
      ],
    ]);
    await run("hi");
    expect(transcript.messages.at(-1)?.tokensUsed).toBe(123);
  });

  it("refuses a blocked topic in the question without calling the model", async () => {
    const { model, run } = setup([], { settings: { content: { blockedTopics: ["Politics"], refusalText: "Not here, sorry." } } });
    const r = await run("What do you think about politics?");
    expect(r.text).toBe("Not here, sorry.");
    expect(model.requests).toHaveLength(0);
  });

  it("refuses a blocked topic that shows up in the answer", async () => {
    const { run, transcript } = setup(
      [[{ type: "text", text: "Sure. Let me tell you all about the election and politics in detail, since you asked so nicely." }]],
      {
        settings: { content: { blockedTopics: ["politics"], refusalText: "Not here, sorry." } },
      },
    );
    const r = await run("tell me something");
    expect(r.text).not.toMatch(/politics/);
    expect(r.text).toContain("Not here, sorry.");
    expect(transcript.messages.at(-1)?.text).not.toMatch(/politics/);
  });

  it("puts the merchant's instructions, tone, topics and the language rule in the system prompt", async () => {
    const { model, run } = setup([[{ type: "text", text: "Hi." }]], {
      settings: {
        content: { instructions: "Mention free shipping over 50 EUR.", allowedTopics: ["gardening"], blockedTopics: ["crypto"] },
        widget: { tone: "formal" },
      },
    });
    await run("hola");
    const system = model.requests[0]!.messages[0]!;
    expect(system.role).toBe("system");
    expect(system.content).toMatch(/shopper's language/);
    expect(system.content).toContain("Mention free shipping over 50 EUR.");
    expect(system.content).toContain("gardening");
    expect(system.content).toContain("crypto");
    expect(system.content).toMatch(/formal/);
  });

  it("answers in basic mode with no model, or when the merchant switched AI off", async () => {
    const none = setup([], { model: null });
    expect((await none.run("linen shirt")).done).toMatchObject({ mode: "basic" });
    const off = setup([], { settings: { privacy: { aiEnabled: false } } });
    const r = await off.run("linen shirt");
    expect(r.done).toMatchObject({ mode: "basic" });
    expect(r.text).toMatch(/AI answers are off/);
    expect(off.model.requests).toHaveLength(0);
  });

  it("redacts card numbers and (by default) contact details before the model and the store", async () => {
    const { model, transcript, run } = setup([[{ type: "text", text: "Thanks." }]]);
    await run("card 4111 1111 1111 1111, mail a@b.co, phone +49 30 1234567");
    const sent = model.requests[0]!.messages.at(-1)!.content;
    expect(sent).toBe("card [card •••• 1111], mail [email], phone [phone]");
    expect(transcript.messages[0]!.text).toBe(sent);
  });

  it("answers invalid tool arguments with an error to the model, not a crash", async () => {
    const { model, run } = setup([
      [{ type: "tool_calls", calls: [{ id: "x", name: "search_products", arguments: '{"query": 5, "customerId": "7"}' }] }],
      [{ type: "text", text: "Sorry." }],
    ]);
    const r = await run("shirts");
    expect(r.done).toMatchObject({ mode: "ai" });
    const toolMessage = model.requests[1]!.messages.at(-1)!;
    expect(toolMessage).toMatchObject({ role: "tool", toolCallId: "x" });
    expect(toolMessage.content).toMatch(/INVALID_ARGUMENTS/);
  });

  it("stops quietly when the shopper leaves", async () => {
    const controller = new AbortController();
    const { run, transcript } = setup([
      () => {
        controller.abort();
        return [{ type: "failure", kind: "aborted", message: "gone" }];
      },
    ]);
    const r = await run("hi", { signal: controller.signal });
    expect(r.done).toBeUndefined();
    expect(transcript.messages.map((m) => m.role)).toEqual(["shopper"]);
  });

  it("reports an error event (never throws) when the store is down", async () => {
    const { run, transcript } = setup([]);
    transcript.appendShopperMessage = async () => {
      throw new Error("db down");
    };
    const r = await run("hi");
    expect(r.events).toEqual([{ type: "error", code: "UNAVAILABLE", message: expect.any(String) }]);
  });

  it("falls back to a basic answer when the model says nothing at all", async () => {
    const { run } = setup([[{ type: "text", text: "" }]]);
    const r = await run("linen shirt");
    expect(r.done).toMatchObject({ mode: "basic" });
    expect(r.text).toMatch(/Linen Shirt/);
  });

  it("ignores a guest-verified order when the merchant allows logged-in customers only", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const { run } = setup(
      [
        [{ type: "tool_calls", calls: [{ id: "o", name: "my_orders", arguments: "{}" }] }],
        (request) => {
          seen.push(JSON.parse(request.messages.at(-1)!.content!));
          return [{ type: "text", text: "Okay." }];
        },
      ],
      { settings: { privacy: { orderVerification: "logged_in" } } },
    );
    await run("my order", { scope: { orderId: "gid://shopify/Order/5029" } });
    expect(seen[0]).toMatchObject({ error: "NOT_VERIFIED" });
  });
});

describe("basic mode's order look-ups (issue 12)", () => {
  it("records order_asked like AI mode, so analytics counts the orders asked about", async () => {
    const { run, transcript } = setup([], { model: null });
    await run("Where is my order?");
    expect(transcript.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["basic_mode", "order_asked"]));
  });
});
