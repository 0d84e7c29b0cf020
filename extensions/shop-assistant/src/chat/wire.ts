// What the widget receives from the shopper API, named by the app's contracts (type-only
// imports: nothing of the app reaches the bundle). Types do not validate: the network
// is untrusted, so every value stays `unknown` until the widget has checked it where it
// reads it. A field the contract does not have is a compile error.
import type { OrderCard, PolicyCard, ProductCard } from "../../../../app/contracts/cards";
import type { ChatStreamEvents, ConversationReadResponse, TranscriptMessage } from "../../../../app/contracts/chat-events";
import type { ShopperApiErrorBody } from "../../../../app/contracts/error-codes";

/** The contract's field names, each value unknown until checked. */
export type Unchecked<T> = { [K in keyof T]?: unknown };

export type StreamEvent<K extends keyof ChatStreamEvents> = Unchecked<ChatStreamEvents[K]>;
export type UncheckedProduct = Unchecked<ProductCard>;
export type UncheckedImage = Unchecked<NonNullable<ProductCard["image"]>>;
export type UncheckedOrder = Unchecked<OrderCard>;
export type UncheckedOrderItem = Unchecked<OrderCard["items"][number]>;
export type UncheckedTracking = Unchecked<OrderCard["tracking"][number]>;
export type UncheckedMoney = Unchecked<ProductCard["price"]>;
export type UncheckedPolicy = Unchecked<PolicyCard>;
export type UncheckedTranscript = Unchecked<ConversationReadResponse>;
export type UncheckedMessage = Unchecked<TranscriptMessage>;
export type UncheckedError = Unchecked<ShopperApiErrorBody["error"]>;
/** The id and token of a conversation: a `conversation` event or a side request's answer. */
export type UncheckedConversationIds = StreamEvent<"conversation">;

/** An object to read fields from, or an empty one. */
export const obj = <T extends object>(value: unknown): T => (value && typeof value === "object" ? value : {}) as T;
