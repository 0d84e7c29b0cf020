// Admin GraphQL documents of store policies (API version: app/contracts/admin-api.ts).
// With $translate, each policy's translations in $locale (title, body) come along; the
// primary-locale fields are the fallback (knowledge-search.ts).

export const SHOP_POLICIES = /* GraphQL */ `
  query ShopPolicies($locale: String = "en", $translate: Boolean = false) {
    shop {
      name
      shopPolicies {
        type
        title
        body
        url
        translations(locale: $locale) @include(if: $translate) {
          key
          value
        }
      }
    }
  }
`;
