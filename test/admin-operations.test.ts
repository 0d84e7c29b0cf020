// Every Admin GraphQL document the app declares (app/**/operations.ts) parses, is named,
// validates against the real Admin schema (2026-01), and selects no payment data.
// The payment checker is tested on documents that must fail, so this can't pass vacuously.
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from "graphql";
import { describe, expect, it } from "vitest";
import { graphqlClient } from "../demo/admin-api/fake-test-client";
import { startAdminApiFake } from "../demo/admin-api/start-admin-api-fake";
import { adminSchema, collectOperations, operationsFiles, validateOperation } from "./support/admin-schema";
import { paymentSelections } from "./support/payment-selection-check";

const operations = await collectOperations();
const label = (op: { file: string; exportName: string }) => `${op.file} ${op.exportName}`;

describe("the payment-data checker", () => {
  const bad: Record<string, string> = {
    "order transactions": `query A { orders(first: 1) { nodes { transactions(first: 1) { id } } } }`,
    "an alias hiding transactions": `query B($id: ID!) { order(id: $id) { history: transactions { kind } } }`,
    "gateway names": `query C($id: ID!) { order(id: $id) { paymentGatewayNames } }`,
    "payment terms": `query D($id: ID!) { order(id: $id) { paymentTerms { id } } }`,
    "card details through a fragment": `query E($id: ID!) { order(id: $id) { ...Pay } }
      fragment Pay on Order { transactions { paymentDetails { ... on CardPaymentDetails { number company } } } }`,
    "a node lookup of a transaction": `query F($id: ID!) { node(id: $id) { ... on OrderTransaction { amountSet { shopMoney { amount } } } } }`,
    "saved payment methods": `query G($id: ID!) { customer(id: $id) { paymentMethods(first: 1) { nodes { id } } } }`,
    "the billing address": `query H($id: ID!) { order(id: $id) { billingAddress { address1 } } }`,
    "payment collection details": `query I($id: ID!) { order(id: $id) { paymentCollectionDetails { additionalPaymentCollectionUrl } } }`,
    "tender transactions": `query J { tenderTransactions(first: 1) { nodes { id } } }`,
  };
  for (const [what, document] of Object.entries(bad)) {
    it(`refuses ${what}`, () => {
      expect(validateOperation(document)).toEqual([]); // valid Admin GraphQL, so only the checker can refuse it
      expect(paymentSelections(document, adminSchema()).length).toBeGreaterThan(0);
    });
  }

  it("accepts an order query with status, items, tracking and totals", () => {
    const document = `query Ok($id: ID!) { order(id: $id) { name displayFinancialStatus displayFulfillmentStatus
      lineItems(first: 5) { nodes { title quantity } } fulfillments(first: 5) { trackingInfo { company number url } }
      currentTotalPriceSet { shopMoney { amount currencyCode } } shippingAddress { city } } }`;
    expect(validateOperation(document)).toEqual([]);
    expect(paymentSelections(document, adminSchema())).toEqual([]);
  });
});

describe("the app's Admin GraphQL operations", () => {
  it("are found in every operations.ts file under app/", () => {
    const files = operationsFiles();
    if (files.length > 0) expect(operations.length).toBeGreaterThan(0);
    for (const file of files)
      expect(
        operations.some((op) => op.file === file),
        `${file} exports no GraphQL document`,
      ).toBe(true);
  });

  it("have unique operation names across the app", () => {
    const names = operations.flatMap((op) => {
      try {
        return parse(op.document)
          .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
          .map((d) => d.name?.value);
      } catch {
        return [];
      }
    });
    expect(names.filter((n, i) => n && names.indexOf(n) !== i)).toEqual([]);
  });

  for (const op of operations) {
    describe(label(op), () => {
      it("parses and holds exactly one named operation (or only fragments)", () => {
        const document = parse(op.document);
        const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        if (ops.length === 0) return; // a fragment-only export
        expect(ops).toHaveLength(1);
        expect(ops[0]!.name?.value, "operations must be named").toBeTruthy();
      });

      it("validates against the Admin API 2026-01 schema", () => {
        expect(validateOperation(op.document).map((e) => e.message)).toEqual([]);
      });

      it("selects no payment data", () => {
        expect(paymentSelections(op.document, adminSchema())).toEqual([]);
      });
    });
  }
});

// Runs each operation against the Admin API fake with placeholder variables: the fake must
// answer every valid document (ACCESS_DENIED is a real answer: the scopes in
// shopify.app.toml don't cover that field), never crash on it.
describe("the app's operations against the Admin API fake", () => {
  const placeholder = (type: TypeNode): unknown => {
    if (type.kind === Kind.NON_NULL_TYPE) return placeholder(type.type);
    if (type.kind === Kind.LIST_TYPE) return [];
    return ({ ID: "gid://shopify/Product/1001", Int: 5, String: "", Boolean: false } as Record<string, unknown>)[type.name.value];
  };

  for (const op of operations) {
    it(`${label(op)} executes`, async () => {
      const document = parse(op.document);
      const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!definition) return;
      const variables = Object.fromEntries((definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, placeholder(v.type)]));
      const fake = await startAdminApiFake({ accessToken: "t" });
      try {
        const { status, body } = await graphqlClient(fake, "t")(op.document, variables);
        expect(status).toBe(200);
        const errors = Array.isArray(body.errors) ? body.errors : [];
        expect(errors.filter((e) => e.extensions?.code !== "ACCESS_DENIED").map((e) => e.message)).toEqual([]);
      } finally {
        await fake.close();
      }
    });
  }
});
