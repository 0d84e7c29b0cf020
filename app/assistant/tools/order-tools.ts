// my_orders and order_status. The scope comes from ToolContext (the server's verified
// scope); the arguments can only pick an order name among those. Arguments are strict:
// a model that sends a customer id, an email or an order id gets an error, not data.
import { z } from "zod";
import { ordersInScope } from "../../orders/order-access";
import type { ToolContext, ToolOutcome } from "./tool";
import { defineTool, unavailable } from "./tool";

async function lookUp(ctx: ToolContext, orderName: string | undefined): Promise<ToolOutcome> {
  if (!ctx.settings.privacy.orderLookup) {
    return {
      forModel: { error: "ORDER_LOOKUP_OFF", message: "This shop does not answer order questions in chat. Offer a person." },
      cards: [],
      topic: "order",
    };
  }
  const result = await ordersInScope(ctx.admin, ctx.scope, { orderName, locale: ctx.locale });
  if (!result.ok && result.code === "NOT_VERIFIED") {
    const how =
      ctx.settings.privacy.orderVerification === "logged_in"
        ? "Ask the shopper to log in to their account."
        : "Ask the shopper to log in, or to verify the order with its number and email using the form in the chat.";
    return {
      forModel: { error: "NOT_VERIFIED", message: `No order is verified in this conversation. ${how} Never ask for card details.` },
      cards: [],
      topic: "order",
      event: "order_asked",
    };
  }
  if (!result.ok) return unavailable("Order information", "order");
  if (result.orders.length === 0) {
    return {
      forModel: {
        orders: [],
        message: orderName ? "No order with that number among this shopper's verified orders." : "This shopper has no orders yet.",
      },
      cards: [],
      topic: "order",
      event: "order_asked",
    };
  }
  const orders = result.orders.map(({ kind: _kind, ...order }) => order);
  return { forModel: { orders }, cards: result.orders, topic: "order", event: "order_asked" };
}

export const myOrdersTool = defineTool({
  name: "my_orders",
  description: "The shopper's own recent orders (only orders verified for this conversation): status, items, fulfilment, tracking, totals.",
  args: z.object({}).strict(),
  run: (_args, ctx) => lookUp(ctx, undefined),
});

export const orderStatusTool = defineTool({
  name: "order_status",
  description: "Status, items, fulfilment and tracking of one of the shopper's own verified orders, by order number such as #1001.",
  args: z.object({ orderName: z.string().min(1).max(32) }).strict(),
  run: (args, ctx) => lookUp(ctx, args.orderName),
});
