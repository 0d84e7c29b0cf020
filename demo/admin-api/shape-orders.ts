// Admin API views of orders, line items, fulfillments, customers and addresses.
// Transactions (with card details) are served too, like Shopify would, so a test that
// reads the fake's request log can prove the app never asks for them.
import type { DemoAddress, DemoCustomer, DemoFulfillment, DemoLineItem, DemoOrder, DemoTransaction } from "../store/store-types";
import { legacyIdOf, orderVisible, type FakeContext } from "./fake-context";
import { moneyBag, moneyV2 } from "./money";
import { imageView, productView, variantView } from "./shape-catalog";
import { ordersMatching } from "./store-queries";

type Args = Record<string, unknown>;
const firstOf = <T>(items: T[], args: Args) => (typeof args.first === "number" ? items.slice(0, args.first) : items);

export function addressView(a: DemoAddress, id: string) {
  return {
    __typename: "MailingAddress",
    id,
    firstName: a.firstName,
    lastName: a.lastName,
    name: `${a.firstName} ${a.lastName}`,
    address1: a.address1,
    address2: null,
    city: a.city,
    zip: a.zip,
    province: a.province,
    provinceCode: null,
    country: a.country,
    countryCode: a.countryCode,
    countryCodeV2: a.countryCode,
    phone: a.phone,
    company: null,
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    formatted: () => [a.address1, `${a.zip} ${a.city}`, a.country],
    formattedArea: `${a.city}, ${a.country}`,
  };
}

function fulfilledQuantity(order: DemoOrder, line: DemoLineItem) {
  return order.fulfillments
    .flatMap((f) => f.lineItems)
    .filter((l) => l.lineItemId === line.id)
    .reduce((s, l) => s + l.quantity, 0);
}

function lineItemView(line: DemoLineItem, order: DemoOrder, ctx: FakeContext) {
  const found = ctx.store.variants.get(line.variantId);
  const unfulfilled = order.cancelledAt ? 0 : line.quantity - fulfilledQuantity(order, line);
  const total = (Number(line.unitPrice) * line.quantity).toFixed(2);
  return {
    __typename: "LineItem",
    id: line.id,
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: order.cancelledAt || order.displayFinancialStatus === "REFUNDED" ? 0 : line.quantity,
    unfulfilledQuantity: unfulfilled,
    fulfillableQuantity: unfulfilled,
    nonFulfillableQuantity: line.quantity - unfulfilled,
    refundableQuantity: order.displayFinancialStatus === "REFUNDED" ? 0 : line.quantity,
    fulfillmentStatus: unfulfilled === 0 && !order.cancelledAt ? "fulfilled" : "unfulfilled",
    originalUnitPriceSet: moneyBag(line.unitPrice, order.currencyCode),
    discountedUnitPriceSet: moneyBag(line.unitPrice, order.currencyCode),
    originalTotalSet: moneyBag(total, order.currencyCode),
    discountedTotalSet: moneyBag(total, order.currencyCode),
    originalUnitPrice: line.unitPrice,
    discountedUnitPrice: line.unitPrice,
    originalTotal: total,
    discountedTotal: total,
    vendor: found?.product.vendor ?? null,
    requiresShipping: true,
    isGiftCard: false,
    taxable: true,
    image: found?.product.images[0] ? imageView(found.product.images[0], ctx) : null,
    product: () => (found ? productView(found.product, ctx) : null),
    variant: () => (found ? variantView(found.variant, found.product, ctx) : null),
  };
}

function fulfillmentView(f: DemoFulfillment, order: DemoOrder, ctx: FakeContext) {
  const lines = new Map(order.lineItems.map((l) => [l.id, l]));
  return {
    __typename: "Fulfillment",
    id: f.id,
    name: f.name,
    status: f.status,
    displayStatus: f.displayStatus,
    createdAt: f.createdAt,
    updatedAt: f.deliveredAt ?? f.inTransitAt ?? f.createdAt,
    inTransitAt: f.inTransitAt,
    deliveredAt: f.deliveredAt,
    estimatedDeliveryAt: f.estimatedDeliveryAt,
    requiresShipping: true,
    totalQuantity: f.lineItems.reduce((s, l) => s + l.quantity, 0),
    trackingInfo: (args: Args) =>
      firstOf(
        f.trackingInfo.map((t) => ({ __typename: "FulfillmentTrackingInfo", ...t })),
        args,
      ),
    fulfillmentLineItems: () =>
      f.lineItems.map((l, i) => ({
        __typename: "FulfillmentLineItem",
        id: `${f.id}/line/${i}`,
        quantity: l.quantity,
        lineItem: lineItemView(lines.get(l.lineItemId)!, order, ctx),
      })),
    order: () => orderView(order, ctx),
    location: null,
    service: null,
  };
}

function transactionView(t: DemoTransaction, order: DemoOrder) {
  return {
    __typename: "OrderTransaction",
    id: t.id,
    kind: t.kind,
    status: t.status,
    gateway: t.gateway,
    formattedGateway: "Shopify Payments",
    amount: t.amount,
    amountSet: moneyBag(t.amount, order.currencyCode),
    amountV2: moneyV2(t.amount, order.currencyCode),
    createdAt: t.createdAt,
    processedAt: t.createdAt,
    test: false,
    manualPaymentGateway: false,
    accountNumber: t.paymentDetails.number,
    paymentId: `${t.id}-payment`,
    fees: [],
    paymentDetails: {
      __typename: "CardPaymentDetails",
      ...t.paymentDetails,
      paymentMethodName: "card",
      avsResultCode: "Y",
      cvvResultCode: "M",
    },
  };
}

export function orderView(order: DemoOrder, ctx: FakeContext) {
  const c = order.currencyCode;
  const bag = (amount: string | number) => moneyBag(amount, c);
  const net = (Number(order.totalPrice) - Number(order.totalRefunded)).toFixed(2);
  const paid = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.displayFinancialStatus);
  const quantity = order.lineItems.reduce((s, l) => s + l.quantity, 0);
  const customer = order.customerId ? ctx.store.customers.get(order.customerId) : undefined;
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: String(order.legacyId),
    name: order.name,
    number: order.number,
    email: order.email,
    phone: order.phone,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    closedAt: order.closedAt,
    closed: Boolean(order.closedAt),
    confirmed: true,
    test: false,
    note: order.note,
    tags: order.tags,
    customerLocale: customer?.locale ?? "en",
    displayFinancialStatus: order.displayFinancialStatus,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    currencyCode: c,
    presentmentCurrencyCode: c,
    taxesIncluded: true,
    requiresShipping: true,
    returnStatus: "NO_RETURN",
    fullyPaid: paid,
    unpaid: !paid,
    refundable: paid && order.displayFinancialStatus !== "REFUNDED",
    subtotalPriceSet: bag(order.subtotalPrice),
    currentSubtotalPriceSet: bag(order.subtotalPrice),
    totalPriceSet: bag(order.totalPrice),
    currentTotalPriceSet: bag(net),
    originalTotalPriceSet: bag(order.totalPrice),
    totalShippingPriceSet: bag(order.totalShippingPrice),
    currentShippingPriceSet: bag(order.totalShippingPrice),
    totalTaxSet: bag(order.totalTax),
    currentTotalTaxSet: bag(order.totalTax),
    totalRefundedSet: bag(order.totalRefunded),
    totalDiscountsSet: bag(0),
    currentTotalDiscountsSet: bag(0),
    netPaymentSet: bag(net),
    totalReceivedSet: bag(paid ? order.totalPrice : 0),
    totalOutstandingSet: bag(paid ? 0 : order.totalPrice),
    totalPrice: order.totalPrice,
    subtotalPrice: order.subtotalPrice,
    totalShippingPrice: order.totalShippingPrice,
    totalTax: order.totalTax,
    totalRefunded: order.totalRefunded,
    totalDiscounts: "0.00",
    subtotalLineItemsQuantity: quantity,
    currentSubtotalLineItemsQuantity: quantity,
    lineItems: () => order.lineItems.map((l) => lineItemView(l, order, ctx)),
    fulfillments: (args: Args) =>
      firstOf(
        order.fulfillments.map((f) => fulfillmentView(f, order, ctx)),
        args,
      ),
    fulfillmentsCount: { count: order.fulfillments.length, precision: "EXACT" },
    shippingAddress: addressView(order.shippingAddress, `${order.id}/shipping`),
    billingAddress: addressView(order.billingAddress, `${order.id}/billing`),
    displayAddress: addressView(order.shippingAddress, `${order.id}/shipping`),
    shippingLine: {
      title: "Standard",
      code: "standard",
      originalPriceSet: bag(order.totalShippingPrice),
      discountedPriceSet: bag(order.totalShippingPrice),
      custom: false,
      isRemoved: false,
    },
    customer: () => (customer ? customerView(customer, ctx) : null),
    refunds: (args: Args) =>
      firstOf(
        order.refunds.map((r) => ({
          __typename: "Refund",
          id: r.id,
          legacyResourceId: legacyIdOf(r.id),
          createdAt: r.createdAt,
          processedAt: r.createdAt,
          updatedAt: r.createdAt,
          note: r.note,
          totalRefundedSet: bag(r.amount),
          totalRefunded: moneyV2(r.amount, c),
          order: () => orderView(order, ctx),
        })),
        args,
      ),
    transactions: (args: Args) =>
      firstOf(
        order.transactions.map((t) => transactionView(t, order)),
        args,
      ),
    transactionsCount: { count: order.transactions.length, precision: "EXACT" },
    paymentGatewayNames: order.paymentGatewayNames,
    statusPageUrl: `${ctx.store.data.shop.primaryDomainUrl}/account/orders/${order.legacyId}`,
  };
}

export function customerView(customer: DemoCustomer, ctx: FakeContext) {
  const visibleOrders = () => ctx.store.data.orders.filter((o) => o.customerId === customer.id && orderVisible(o, ctx));
  return {
    __typename: "Customer",
    id: customer.id,
    legacyResourceId: String(customer.legacyId),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
    email: customer.email,
    phone: customer.phone,
    locale: customer.locale,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    tags: customer.tags,
    state: "ENABLED",
    verifiedEmail: true,
    validEmailAddress: true,
    defaultAddress: addressView(customer.defaultAddress, `${customer.id}/address`),
    addresses: () => [addressView(customer.defaultAddress, `${customer.id}/address`)],
    defaultEmailAddress: { emailAddress: customer.email, marketingState: "NOT_SUBSCRIBED", validFormat: true },
    defaultPhoneNumber: { phoneNumber: customer.phone, marketingState: "NOT_SUBSCRIBED" },
    numberOfOrders: String(visibleOrders().length),
    amountSpent: moneyV2(
      visibleOrders().reduce((s, o) => s + Number(o.totalPrice), 0),
      ctx.store.data.shop.currencyCode,
    ),
    orders: (args: Args) => ordersMatching(visibleOrders(), args).map((o) => orderView(o, ctx)),
    lastOrder: () => {
      const last = visibleOrders().at(-1);
      return last ? orderView(last, ctx) : null;
    },
    metafield: () => null,
    metafields: () => [],
  };
}
