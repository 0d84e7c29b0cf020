// Token accounting when the provider reports no usage: about four characters a token
// is close enough for a budget whose purpose is to stop runaway loops and cost.
import type { ChatMessage, ToolDefinition } from "../infra/model/ports";

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(messages: ChatMessage[], tools: ToolDefinition[]): number {
  let chars = JSON.stringify(tools).length;
  for (const m of messages) {
    chars += (m.content ?? "").length + 8;
    if (m.role === "assistant" && m.toolCalls) chars += JSON.stringify(m.toolCalls).length;
  }
  return Math.ceil(chars / 4);
}

export interface TurnLimits {
  /** Model calls that may request tools in one turn; the last call gets no tools. */
  maxToolRounds: number;
  turnTokenBudget: number;
  conversationTokenBudget: number;
  turnTimeoutMs: number;
  maxOutputTokens: number;
}

export const DEFAULT_LIMITS: TurnLimits = {
  maxToolRounds: 4,
  turnTokenBudget: 16_000,
  conversationTokenBudget: 120_000,
  turnTimeoutMs: 30_000,
  maxOutputTokens: 700,
};
