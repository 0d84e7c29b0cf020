// Admin GraphQL documents of store policies (API version: app/contracts/admin-api.ts).

export const SHOP_POLICIES = /* GraphQL */ `
  query ShopPolicies {
    shop {
      name
      shopPolicies {
        type
        title
        body
        url
      }
    }
  }
`;
