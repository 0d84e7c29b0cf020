// What every assistant tool is: a name, a description for the model, zod arguments
// (validated before anything runs) and a run function that gets the verified scope
// from the server-side context, never from the model.
import { z } from "zod";
import type { ShopSettings } from "../../settings/settings-schema";
import type { VerifiedScope } from "../../orders/order-access";
import type { Card } from "../../contracts/cards";
import type { AdminGraphql } from "../../infra/shopify/admin-graphql";
import type { AssistantEventKind, Topic } from "../ports";
import type { KnowledgeStore } from "../../knowledge/ports";
import type { ToolDefinition } from "../../infra/model/ports";

export interface ToolContext {
  shop: string;
  scope: VerifiedScope;
  locale?: string;
  /** Storefront country (ISO 3166 alpha-2): prices in that market. Presentation only, never access. */
  country?: string;
  settings: ShopSettings;
  admin: AdminGraphql;
  knowledge: KnowledgeStore;
}

export interface ToolOutcome {
  /** What the model sees (serialised as JSON). No raw ids, no personal data beyond the scope. */
  forModel: unknown;
  cards: Card[];
  topic: Topic;
  handoff?: boolean;
  event?: AssistantEventKind;
}

export interface AssistantTool<Args = unknown> {
  name: string;
  description: string;
  args: z.ZodType<Args>;
  run(args: Args, context: ToolContext): Promise<ToolOutcome>;
}

export function defineTool<Args>(tool: AssistantTool<Args>): AssistantTool<unknown> {
  return tool as AssistantTool<unknown>;
}

// A tool's definition never changes: its JSON schema is made once per tool, not on
// every model round (zod's toJSONSchema was about 2 % of a chat turn's CPU).
const definitions = new WeakMap<AssistantTool<unknown>, ToolDefinition>();

export function toolDefinition(tool: AssistantTool<unknown>): ToolDefinition {
  const known = definitions.get(tool);
  if (known) return known;
  const schema = z.toJSONSchema(tool.args, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  delete schema.$schema;
  const definition: ToolDefinition = Object.freeze({ name: tool.name, description: tool.description, parameters: Object.freeze(schema) });
  definitions.set(tool, definition);
  return definition;
}

/** A tool answer that tells the model something is unavailable, in words it can pass on. */
export function unavailable(what: string, topic: Topic): ToolOutcome {
  return {
    forModel: { error: "UNAVAILABLE", message: `${what} is unavailable right now. Apologise briefly and offer a person.` },
    cards: [],
    topic,
  };
}
