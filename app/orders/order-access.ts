// The only way the assistant reads orders. What it may read is decided here, from the
// conversation's verified scope (signed proxy customer id, or the one order a guest
// verified by number and email), never from model arguments: those can only narrow
// the result to one order name among the orders already in scope.
import { z } from "zod";
import type { OrderCard } from "../contracts/cards";
import type { AdminFailureCode, AdminGraphql } from "../infra/shopify/admin-graphql";
import { CUSTOMER_ORDERS, ORDER_BY_ID } from "./operations";
import { humanizeEnum, orderStage, stageText } from "./order-status-text";

export interface VerifiedScope {
  /** From the signed proxy's logged_in_customer_id (numeric or GID). */
  customerId?: string;
  /** The one guest order verified by number and email (numeric or GID). */
  orderId?: string;
}

const money = z.object({ amount: z.string(), currencyCode: z.string() });
const orderNode = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  displayFinancialStatus: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  lineItems: z.object({ nodes: z.array(z.object({ title: z.string(), quantity: z.number() })) }),
  fulfillments: z.array(
    z.object({
      status: z.string(),
      displayStatus: z.string().nullable().optional(),
      trackingInfo: z.array(z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() })),
    }),
  ),
  currentTotalPriceSet: z.object({ shopMoney: money }),
});
type OrderNode = z.infer<typeof orderNode>;

export type OrdersResult = { ok: true; orders: OrderCard[] } | { ok: false; code: "NOT_VERIFIED" | AdminFailureCode };

function numericPart(id: string | undefined, kind: "Customer" | "Order"): string | null {
  if (!id) return null;
  const match = new RegExp(`^(?:gid://shopify/${kind}/)?(\\d{1,20})$`).exec(id.trim());
  return match ? match[1]! : null;
}

export function hasOrderScope(scope: VerifiedScope): boolean {
  return numericPart(scope.customerId, "Customer") !== null || numericPart(scope.orderId, "Order") !== null;
}

/** "#1001", "1001", "order 1001" → "1001" */
export function normalizeOrderName(name: string): string {
  return name
    .replace(/[^0-9A-Za-z-]/g, "")
    .replace(/^order/i, "")
    .toUpperCase();
}

export async function ordersInScope(
  admin: AdminGraphql,
  scope: VerifiedScope,
  narrow: { orderName?: string; locale?: string } = {},
): Promise<OrdersResult> {
  const customer = numericPart(scope.customerId, "Customer");
  const order = numericPart(scope.orderId, "Order");
  if (!customer && !order) return { ok: false, code: "NOT_VERIFIED" };
  const nodes: OrderNode[] = [];
  if (customer) {
    const result = await admin(CUSTOMER_ORDERS, { first: 10, query: `customer_id:${customer}` });
    if (!result.ok) return { ok: false, code: result.code };
    const parsed = z.object({ orders: z.object({ nodes: z.array(orderNode) }) }).safeParse(result.data);
    if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
    nodes.push(...parsed.data.orders.nodes);
  }
  if (order && !nodes.some((n) => numericPart(n.id, "Order") === order)) {
    const result = await admin(ORDER_BY_ID, { id: `gid://shopify/Order/${order}` });
    if (!result.ok) return { ok: false, code: result.code };
    const parsed = z.object({ order: orderNode.nullable() }).safeParse(result.data);
    if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
    // The answer must be the verified order itself, whatever the API returned.
    if (parsed.data.order && numericPart(parsed.data.order.id, "Order") === order) nodes.push(parsed.data.order);
  }
  const wanted = narrow.orderName ? normalizeOrderName(narrow.orderName) : null;
  const picked = wanted ? nodes.filter((n) => normalizeOrderName(n.name) === wanted) : nodes;
  return { ok: true, orders: picked.map((n) => toOrderCard(n, narrow.locale)) };
}

export function toOrderCard(node: OrderNode, locale?: string): OrderCard {
  const stage = orderStage({
    cancelledAt: node.cancelledAt,
    displayFulfillmentStatus: node.displayFulfillmentStatus,
    fulfillmentDisplayStatuses: node.fulfillments.filter((f) => f.status !== "CANCELLED").map((f) => f.displayStatus ?? ""),
  });
  return {
    kind: "order",
    name: node.name,
    createdAt: node.createdAt,
    status: stageText(stage, locale),
    fulfillmentStatus: humanizeEnum(node.displayFulfillmentStatus),
    financialStatus: humanizeEnum(node.displayFinancialStatus ?? "PENDING"),
    items: node.lineItems.nodes.map((i) => ({ title: i.title, quantity: i.quantity })),
    tracking: node.fulfillments.flatMap((f) =>
      f.trackingInfo
        .filter((t) => t.number)
        .map((t) => ({ company: t.company ?? "", number: t.number!, url: t.url && /^https:\/\//.test(t.url) ? t.url : null })),
    ),
    total: { amount: node.currentTotalPriceSet.shopMoney.amount, currencyCode: node.currentTotalPriceSet.shopMoney.currencyCode },
  };
}
