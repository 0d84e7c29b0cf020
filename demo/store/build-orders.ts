// Turns ORDER_SCENARIOS into Shopify-like orders: totals, fulfillments with tracking,
// refunds, and payment transactions (the latter exist only so tests can prove the app
// never selects them).
import { daysBefore } from "./fixture-clock";
import { GUEST, ORDER_SCENARIOS, type OrderScenario } from "./order-scenarios";
import type { DemoAddress, DemoCustomer, DemoFulfillment, DemoOrder, DemoProduct, DemoTransaction } from "./store-types";

const CARRIERS = {
  DHL: { company: "DHL Express", url: (n: string) => `https://www.dhl.com/de-en/home/tracking.html?tracking-id=${n}` },
  UPS: { company: "UPS", url: (n: string) => `https://www.ups.com/track?tracknum=${n}` },
  DPD: { company: "DPD", url: (n: string) => `https://tracking.dpd.de/status/en_US/parcel/${n}` },
};
const CARDS = [
  { company: "Visa", bin: "424242", last4: "4242" },
  { company: "Mastercard", bin: "555555", last4: "4444" },
  { company: "American Express", bin: "378282", last4: "0005" },
];
const money = (n: number) => n.toFixed(2);

function fulfillmentsOf(s: OrderScenario, number: number, lineIds: string[], quantities: number[]): DemoFulfillment[] {
  return (s.shipments ?? []).map((shipment, k) => {
    const trackingNumber = `${shipment.carrier === "UPS" ? "1Z" : ""}${shipment.carrier}${number}${k + 1}00042`;
    const shippedDaysAgo = Math.max(s.daysAgo - 1, 0);
    const deliveredDaysAgo = Math.max(s.daysAgo - 4, 0);
    const moving = shipment.state !== "CONFIRMED";
    return {
      id: `gid://shopify/Fulfillment/${number * 10 + k}`,
      name: `#${number}-F${k + 1}`,
      status: "SUCCESS",
      displayStatus: shipment.state,
      createdAt: daysBefore(shippedDaysAgo, 14),
      inTransitAt: moving ? daysBefore(shippedDaysAgo, 18) : null,
      deliveredAt: shipment.state === "DELIVERED" ? daysBefore(deliveredDaysAgo, 15) : null,
      estimatedDeliveryAt: shipment.state === "DELIVERED" ? null : daysBefore(-2, 18),
      trackingInfo: [
        {
          company: CARRIERS[shipment.carrier].company,
          number: trackingNumber,
          url: shipment.noUrl ? null : CARRIERS[shipment.carrier].url(trackingNumber),
        },
      ],
      lineItems: shipment.lines.map((l) => ({ lineItemId: lineIds[l]!, quantity: quantities[l]! })),
    };
  });
}

function transactionsOf(s: OrderScenario, number: number, total: number, refunded: number, holder: string): DemoTransaction[] {
  const card = CARDS[number % CARDS.length]!;
  const paymentDetails = {
    company: card.company,
    number: `•••• •••• •••• ${card.last4}`,
    last4: card.last4,
    bin: card.bin,
    name: holder,
    expirationMonth: (number % 12) + 1,
    expirationYear: 2029,
  };
  const tx = (
    k: number,
    kind: DemoTransaction["kind"],
    amount: number,
    status: DemoTransaction["status"] = "SUCCESS",
  ): DemoTransaction => ({
    id: `gid://shopify/OrderTransaction/${number * 10 + k}`,
    kind,
    status,
    gateway: "shopify_payments",
    amount: money(amount),
    createdAt: daysBefore(Math.max(s.daysAgo - k, 0), 10 + k),
    paymentDetails,
  });
  switch (s.financial) {
    case "PENDING":
      return [tx(0, "SALE", total, "PENDING")];
    case "AUTHORIZED":
      return [tx(0, "AUTHORIZATION", total)];
    case "VOIDED":
      return [tx(0, "AUTHORIZATION", total), tx(1, "VOID", total)];
    case "PAID":
      return [tx(0, "SALE", total)];
    default:
      return [tx(0, "SALE", total), tx(1, "REFUND", refunded)];
  }
}

function addressOf(c: DemoCustomer | null, fallback: DemoAddress): DemoAddress {
  return c ? c.defaultAddress : fallback;
}

export function buildOrders(products: DemoProduct[], customers: DemoCustomer[], currencyCode: string): DemoOrder[] {
  const guestAddress: DemoAddress = {
    ...GUEST,
    address1: "Gartenweg 7",
    city: "Köln",
    zip: "50667",
    province: null,
    country: "Germany",
    countryCode: "DE",
  };
  return ORDER_SCENARIOS.map((s, i) => {
    const number = 1001 + i;
    const customer = s.customer === null ? null : customers[s.customer]!;
    const lineItems = s.items.map(([p, v, quantity], l) => {
      const product = products[p]!;
      const variant = product.variants[v]!;
      return {
        id: `gid://shopify/LineItem/${number * 10 + l}`,
        title: product.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        quantity,
        productId: product.id,
        variantId: variant.id,
        unitPrice: variant.price,
      };
    });
    const subtotal = lineItems.reduce((sum, l) => sum + Number(l.unitPrice) * l.quantity, 0);
    const shipping = subtotal >= 75 ? 0 : 4.95;
    const total = subtotal + shipping;
    const refunded = s.refundAmount === "full" ? total : Number(s.refundAmount ?? 0);
    const fulfillments = fulfillmentsOf(
      s,
      number,
      lineItems.map((l) => l.id),
      lineItems.map((l) => l.quantity),
    );
    const shippedLines = new Set((s.shipments ?? []).flatMap((f) => f.lines));
    const fulfillmentStatus: DemoOrder["displayFulfillmentStatus"] =
      s.fulfillment ??
      (shippedLines.size === 0 ? "UNFULFILLED" : shippedLines.size === lineItems.length ? "FULFILLED" : "PARTIALLY_FULFILLED");
    const address = addressOf(customer, guestAddress);
    const closed = s.cancel || (fulfillmentStatus === "FULFILLED" && s.daysAgo > 10);
    return {
      id: `gid://shopify/Order/${5001 + i}`,
      legacyId: 5001 + i,
      name: `#${number}`,
      number,
      scenario: s.scenario,
      customerId: customer?.id ?? null,
      email: customer?.email ?? GUEST.email,
      phone: customer?.phone ?? null,
      createdAt: daysBefore(s.daysAgo, 9),
      processedAt: daysBefore(s.daysAgo, 9),
      updatedAt: daysBefore(Math.max(s.daysAgo - 4, 0), 16),
      cancelledAt: s.cancel ? daysBefore(Math.max(s.daysAgo - 1, 0), 11) : null,
      cancelReason: s.cancel ?? null,
      closedAt: closed ? daysBefore(Math.max(s.daysAgo - 5, 0), 12) : null,
      displayFinancialStatus: s.financial,
      displayFulfillmentStatus: fulfillmentStatus,
      currencyCode,
      subtotalPrice: money(subtotal),
      totalShippingPrice: money(shipping),
      totalTax: money(total - total / 1.19),
      totalPrice: money(total),
      totalRefunded: money(refunded),
      lineItems,
      shippingAddress: address,
      billingAddress: address,
      fulfillments,
      refunds:
        refunded > 0
          ? [
              {
                id: `gid://shopify/Refund/${number}`,
                createdAt: daysBefore(Math.max(s.daysAgo - 6, 0), 13),
                note: s.note ?? "Refund",
                amount: money(refunded),
              },
            ]
          : [],
      transactions: transactionsOf(s, number, total, refunded, `${address.firstName} ${address.lastName}`),
      paymentGatewayNames: ["shopify_payments"],
      tags: [],
      note: s.note ?? null,
    };
  });
}
