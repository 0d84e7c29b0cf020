// Admin GraphQL documents of store policies (API 2026-01).

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
