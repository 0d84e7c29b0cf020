// Order access with an in-test Admin fake that would happily return anything: the
// scope check in code is what keeps other customers' orders out.
import { describe, expect, it } from "vitest";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { ordersInScope } from "./order-access";

function order(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id: `gid://shopify/Order/${id}`,
    name,
    createdAt: "2026-11-01T10:00:00Z",
    cancelledAt: null,
    closed: false,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "FULFILLED",
    lineItems: { nodes: [{ title: "Tee", quantity: 1 }] },
    fulfillments: [
      { status: "SUCCESS", displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "DHL", number: "DHL1", url: "javascript:alert(1)" }] },
    ],
    currentTotalPriceSet: { shopMoney: { amount: "19.00", currencyCode: "EUR" } },
    ...extra,
  };
}

function recordingAdmin(answer: (operation: string, variables: Record<string, unknown>) => unknown) {
  const calls: Array<Record<string, unknown>> = [];
  const admin: AdminGraphql = async (operation, variables = {}) => {
    calls.push(variables);
    return { ok: true, data: answer(operation, variables) };
  };
  return { admin, calls };
}

describe("ordersInScope", () => {
  it("refuses without a verified scope and never queries", async () => {
    const { admin, calls } = recordingAdmin(() => ({}));
    expect(await ordersInScope(admin, {})).toEqual({ ok: false, code: "NOT_VERIFIED" });
    expect(await ordersInScope(admin, { customerId: "7001 OR customer_id:7002" })).toEqual({ ok: false, code: "NOT_VERIFIED" });
    expect(calls).toEqual([]);
  });

  it("queries only the logged-in customer's orders, and an order name only narrows", async () => {
    const { admin, calls } = recordingAdmin(() => ({ orders: { nodes: [order(5001, "#1001"), order(5002, "#1002")] } }));
    const all = await ordersInScope(admin, { customerId: "gid://shopify/Customer/7001" });
    expect(calls[0]).toEqual({ first: 10, query: "customer_id:7001" });
    expect(all.ok && all.orders.map((o) => o.name)).toEqual(["#1001", "#1002"]);
    const one = await ordersInScope(admin, { customerId: "7001" }, { orderName: "1002" });
    expect(one.ok && one.orders.map((o) => o.name)).toEqual(["#1002"]);
    const other = await ordersInScope(admin, { customerId: "7001" }, { orderName: "#1005" });
    expect(other).toEqual({ ok: true, orders: [] });
  });

  it("for a guest, returns the verified order only, even if the API answers with another", async () => {
    const { admin, calls } = recordingAdmin(() => ({ order: order(5005, "#1005") }));
    expect(await ordersInScope(admin, { orderId: "5029" })).toEqual({ ok: true, orders: [] });
    expect(calls[0]).toEqual({ id: "gid://shopify/Order/5029" });
  });

  it("builds a shopper-readable card without unsafe links or extra fields", async () => {
    const { admin } = recordingAdmin(() => ({
      order: order(5029, "#1029", { email: "x@y.z", shippingAddress: { address1: "1 Main St" } }),
    }));
    const result = await ordersInScope(admin, { orderId: "gid://shopify/Order/5029" }, { locale: "fr" });
    expect(result).toEqual({
      ok: true,
      orders: [
        {
          kind: "order",
          name: "#1029",
          createdAt: "2026-11-01T10:00:00Z",
          status: "En cours de livraison",
          fulfillmentStatus: "Fulfilled",
          financialStatus: "Paid",
          items: [{ title: "Tee", quantity: 1 }],
          tracking: [{ company: "DHL", number: "DHL1", url: null }],
          total: { amount: "19.00", currencyCode: "EUR" },
        },
      ],
    });
  });

  it("passes Admin failures on as typed failures", async () => {
    const admin: AdminGraphql = async () => ({ ok: false, code: "THROTTLED", message: "throttled" });
    expect(await ordersInScope(admin, { customerId: "7001" })).toEqual({ ok: false, code: "THROTTLED" });
  });
});
