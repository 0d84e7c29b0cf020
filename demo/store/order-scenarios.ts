// The 30 demo orders: one row per order, covering every state a shopper asks about.
// `customer` is an index into CUSTOMERS, or null for a guest checkout (verify by number + email).
// `items` are [product index (into the generated product list), variant index, quantity].

export type ShipmentState = "CONFIRMED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "ATTEMPTED_DELIVERY";

export interface OrderScenario {
  scenario: string;
  daysAgo: number;
  customer: number | null;
  items: [number, number, number][];
  financial: "PAID" | "PENDING" | "AUTHORIZED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "VOIDED";
  /** One entry per fulfillment: which line items (by index) it ships, its state, and the carrier. */
  shipments?: { lines: number[]; state: ShipmentState; carrier: "DHL" | "UPS" | "DPD"; noUrl?: true }[];
  fulfillment?: "IN_PROGRESS" | "ON_HOLD";
  cancel?: "CUSTOMER" | "INVENTORY" | "DECLINED";
  refundAmount?: "full" | string;
  note?: string;
}

const delivered = (lines: number[], carrier: "DHL" | "UPS" | "DPD" = "DHL") => [{ lines, state: "DELIVERED" as const, carrier }];

export const ORDER_SCENARIOS: OrderScenario[] = [
  {
    scenario: "unfulfilled",
    daysAgo: 1,
    customer: 0,
    items: [
      [0, 1, 2],
      [15, 0, 1],
    ],
    financial: "PAID",
  },
  {
    scenario: "partially-fulfilled",
    daysAgo: 4,
    customer: 0,
    items: [
      [10, 2, 1],
      [16, 1, 2],
    ],
    financial: "PAID",
    shipments: [{ lines: [1], state: "IN_TRANSIT", carrier: "DHL" }],
  },
  { scenario: "delivered", daysAgo: 20, customer: 0, items: [[30, 1, 1]], financial: "PAID", shipments: delivered([0]) },
  { scenario: "older-than-60-days", daysAgo: 75, customer: 0, items: [[5, 1, 1]], financial: "PAID", shipments: delivered([0]) },
  {
    scenario: "in-transit",
    daysAgo: 3,
    customer: 1,
    items: [[25, 0, 1]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "IN_TRANSIT", carrier: "DHL" }],
  },
  { scenario: "cancelled", daysAgo: 6, customer: 1, items: [[11, 1, 1]], financial: "REFUNDED", cancel: "CUSTOMER", refundAmount: "full" },
  {
    scenario: "delivered",
    daysAgo: 35,
    customer: 1,
    items: [
      [20, 0, 1],
      [21, 1, 1],
    ],
    financial: "PAID",
    shipments: delivered([0, 1]),
  },
  {
    scenario: "out-for-delivery",
    daysAgo: 5,
    customer: 2,
    items: [[31, 2, 1]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "OUT_FOR_DELIVERY", carrier: "DPD" }],
  },
  {
    scenario: "refunded",
    daysAgo: 30,
    customer: 2,
    items: [[7, 2, 1]],
    financial: "REFUNDED",
    shipments: delivered([0], "DPD"),
    refundAmount: "full",
    note: "Returned: too warm.",
  },
  { scenario: "older-than-60-days", daysAgo: 120, customer: 2, items: [[35, 0, 2]], financial: "PAID", shipments: delivered([0], "DPD") },
  {
    scenario: "partially-refunded",
    daysAgo: 25,
    customer: 3,
    items: [
      [1, 1, 1],
      [17, 0, 2],
    ],
    financial: "PARTIALLY_REFUNDED",
    shipments: delivered([0, 1], "DPD"),
    refundAmount: "24.00",
  },
  { scenario: "unfulfilled-payment-pending", daysAgo: 2, customer: 3, items: [[26, 0, 1]], financial: "PENDING" },
  {
    scenario: "attempted-delivery",
    daysAgo: 7,
    customer: 3,
    items: [[12, 1, 1]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "ATTEMPTED_DELIVERY", carrier: "DPD" }],
  },
  {
    scenario: "in-transit",
    daysAgo: 6,
    customer: 4,
    items: [[6, 2, 1]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "IN_TRANSIT", carrier: "UPS" }],
  },
  {
    scenario: "older-than-60-days",
    daysAgo: 200,
    customer: 4,
    items: [[11, 2, 1]],
    financial: "REFUNDED",
    shipments: delivered([0], "UPS"),
    refundAmount: "full",
    note: "Old order, returned.",
  },
  {
    scenario: "multiple-fulfillments",
    daysAgo: 9,
    customer: 4,
    items: [
      [0, 2, 1],
      [20, 1, 1],
      [36, 0, 1],
    ],
    financial: "PAID",
    shipments: [
      { lines: [0, 1], state: "DELIVERED", carrier: "UPS" },
      { lines: [2], state: "IN_TRANSIT", carrier: "UPS" },
    ],
  },
  {
    scenario: "tracking-without-url",
    daysAgo: 6,
    customer: 5,
    items: [[27, 1, 1]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "IN_TRANSIT", carrier: "DHL", noUrl: true }],
  },
  { scenario: "cancelled", daysAgo: 8, customer: 5, items: [[13, 0, 1]], financial: "VOIDED", cancel: "INVENTORY" },
  { scenario: "delivered", daysAgo: 14, customer: 5, items: [[4, 3, 2]], financial: "PAID", shipments: delivered([0]) },
  { scenario: "in-progress", daysAgo: 1, customer: 6, items: [[8, 0, 1]], financial: "PAID", fulfillment: "IN_PROGRESS" },
  {
    scenario: "label-created",
    daysAgo: 2,
    customer: 6,
    items: [
      [22, 0, 1],
      [23, 1, 1],
    ],
    financial: "PAID",
    shipments: [{ lines: [0, 1], state: "CONFIRMED", carrier: "DHL" }],
  },
  { scenario: "delivered", daysAgo: 45, customer: 6, items: [[32, 0, 1]], financial: "PAID", shipments: delivered([0]) },
  { scenario: "unfulfilled-authorized", daysAgo: 1, customer: 7, items: [[28, 1, 1]], financial: "AUTHORIZED" },
  {
    scenario: "partially-fulfilled",
    daysAgo: 5,
    customer: 7,
    items: [
      [2, 0, 1],
      [18, 2, 1],
    ],
    financial: "PAID",
    shipments: [{ lines: [0], state: "DELIVERED", carrier: "DHL" }],
  },
  { scenario: "on-hold", daysAgo: 3, customer: 8, items: [[37, 1, 1]], financial: "PAID", fulfillment: "ON_HOLD" },
  {
    scenario: "delivered",
    daysAgo: 50,
    customer: 8,
    items: [
      [1, 0, 1],
      [15, 2, 1],
    ],
    financial: "PAID",
    shipments: delivered([0, 1], "DPD"),
  },
  {
    scenario: "in-transit",
    daysAgo: 4,
    customer: 9,
    items: [[39, 0, 3]],
    financial: "PAID",
    shipments: [{ lines: [0], state: "IN_TRANSIT", carrier: "DPD" }],
  },
  { scenario: "hostile-product-order", daysAgo: 10, customer: 9, items: [[40, 0, 1]], financial: "PAID", shipments: delivered([0]) },
  { scenario: "guest-delivered", daysAgo: 14, customer: null, items: [[33, 0, 1]], financial: "PAID", shipments: delivered([0]) },
  { scenario: "guest-unfulfilled", daysAgo: 2, customer: null, items: [[3, 1, 1]], financial: "PAID" },
];

export const GUEST = { firstName: "Gus", lastName: "Guest", email: "guest.shopper@example.org", phone: null };
