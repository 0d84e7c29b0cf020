// Admin GraphQL documents of order lookups (API version: app/contracts/admin-api.ts). Only what a shopper needs
// to see about their own order: status, items, fulfilment, tracking, totals.
// Never addresses, never customer contact data, never payment data (a test refuses it).
// Orders are found with the orders query (read_orders), not through customer(id:),
// which would need read_customers.

const SHOPPER_ORDER_FIELDS = /* GraphQL */ `
  fragment ShopperOrderFields on Order {
    id
    name
    createdAt
    cancelledAt
    closed
    displayFinancialStatus
    displayFulfillmentStatus
    lineItems(first: 50) {
      nodes {
        title
        quantity
      }
    }
    fulfillments(first: 10) {
      status
      displayStatus
      trackingInfo(first: 5) {
        company
        number
        url
      }
    }
    currentTotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
  }
`;

/** `$query` is built in code as `customer_id:<numeric id>` from the verified scope only. */
export const CUSTOMER_ORDERS = /* GraphQL */ `
  query CustomerOrders($first: Int!, $query: String!) {
    orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        ...ShopperOrderFields
      }
    }
  }
  ${SHOPPER_ORDER_FIELDS}
`;

export const ORDER_BY_ID = /* GraphQL */ `
  query OrderById($id: ID!) {
    order(id: $id) {
      ...ShopperOrderFields
    }
  }
  ${SHOPPER_ORDER_FIELDS}
`;

/**
 * Guest order verification (app/conversations/order-verification.server.ts): the
 * orders with one name, with the email on the order to compare against what the
 * guest typed. The email is compared on the server and never sent to the browser
 * or the model. `$query` is built in code as `name:#<digits>`.
 */
export const ORDER_FOR_GUEST_VERIFICATION = /* GraphQL */ `
  query OrderForGuestVerification($query: String!) {
    orders(first: 5, query: $query) {
      nodes {
        id
        name
        email
      }
    }
  }
`;
