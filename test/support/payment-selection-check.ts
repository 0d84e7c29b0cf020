// Finds every place a GraphQL document selects payment data: transactions, payment
// details, card fields, payment terms, gateways, vaulted payment methods, mandates,
// Shopify Payments records, and the billing address (the card holder's address).
// Checked by field name, by the field's return type, and by fragment type conditions, so
// aliases, fragments and `node(id:) { ... on OrderTransaction }` can't slip through.
import { getNamedType, parse, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";

export const DENIED_FIELD_NAMES: RegExp[] = [
  /[tT]ransaction(?!al)/, // transactions(Count), tenderTransactions, parentTransaction… (not Shop.transactionalSmsDisabled)
  /^payment/i, // paymentDetails, paymentTerms, paymentGatewayNames, paymentCollectionDetails, paymentMethods, paymentMandate…
  /^card/i,
  /creditCard/i,
  /^(formatted)?gateway$/i,
  /^manualPaymentGateway$/i,
  /^accountNumber$/i,
  /mandate/i,
  /vaultedPaymentMethods/i,
  /customerPaymentMethod/i,
  /^shopifyPayments/i,
  /^billingAddress$/i,
];

export const DENIED_TYPE_NAMES: RegExp[] = [
  /Transaction/, // OrderTransaction, TenderTransaction, SuggestedOrderTransaction, ShopifyPaymentsBalanceTransaction…
  /PaymentDetails$/,
  /^PaymentTerms/,
  /^PaymentSchedule/,
  /^PaymentMandate/,
  /^PaymentSettings$/,
  /^PaymentInstrument/,
  /^PaymentMethods$/,
  /^CustomerPaymentMethod/,
  /^CustomerPaymentInstrument/,
  /CreditCard/,
  /^CustomerPaypalBillingAgreement/,
  /^CustomerShopPayAgreement/,
  /^Vault/,
  /^OrderPaymentCollectionDetails$/,
  /^ShopifyPayments/,
  /^ShopPayInstallments/,
  /^DigitalWallet$/,
];

export interface PaymentSelection {
  /** Where: "Order.transactions", or "fragment on CardPaymentDetails". */
  where: string;
  reason: string;
}

export function paymentSelections(doc: string | DocumentNode, schema: GraphQLSchema): PaymentSelection[] {
  const document = typeof doc === "string" ? parse(doc) : doc;
  const typeInfo = new TypeInfo(schema);
  const found: PaymentSelection[] = [];
  const deniedType = (name: string) => DENIED_TYPE_NAMES.find((p) => p.test(name));
  const checkCondition = (typeName: string | undefined) => {
    const hit = typeName ? deniedType(typeName) : undefined;
    if (hit) found.push({ where: `fragment on ${typeName}`, reason: `type matches ${hit}` });
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (name.startsWith("__")) return;
        const parent = typeInfo.getParentType()?.name ?? "?";
        const byName = DENIED_FIELD_NAMES.find((p) => p.test(name));
        if (byName) found.push({ where: `${parent}.${name}`, reason: `field name matches ${byName}` });
        const type = typeInfo.getType();
        const byType = type ? deniedType(getNamedType(type).name) : undefined;
        if (type && byType) found.push({ where: `${parent}.${name}`, reason: `returns ${getNamedType(type).name} (matches ${byType})` });
      },
      InlineFragment(node) {
        checkCondition(node.typeCondition?.name.value);
      },
      FragmentDefinition(node) {
        checkCondition(node.typeCondition.name.value);
      },
    }),
  );
  return found;
}

/** Payment selections in what an app actually sent (e.g. the Admin API fake's request log). */
export function paymentSelectionsInRequests(requests: { query: string | null }[], schema: GraphQLSchema): PaymentSelection[] {
  return requests.flatMap((r) => (r.query ? paymentSelections(r.query, schema) : []));
}
