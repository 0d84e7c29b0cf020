// Admin GraphQL documents of the catalog (API version: app/contracts/admin-api.ts). Each selects only what a
// product answer or card needs; a test validates them against the vendored schema.
// Search asks for 10 products and 5 variants each: enough to filter by price, size, colour
// and stock and show five cards without draining the shop's bucket (a search's market
// prices are the product's: variant prices in the market are scaled from it, catalog.ts).
//
// Published only: `onlineStoreUrl` is null unless the product is published on the Online
// Store publication (no extra scope, unlike publishedOnCurrentPublication), and the search
// query itself asks for `status:active published_status:published` (catalog.ts).
//
// Languages and markets (optional variables, so a plain { first, query } still works):
// `translations(locale:)` when $translate (falls back to the primary-locale fields in
// catalog.ts), and `contextualPricing(context: { country })` when $localPrices (the
// market's price and currency; falls back to the shop currency).

// What a product card shows: its image and its lowest price.
const PRODUCT_CARD_FIELDS = /* GraphQL */ `
  fragment ProductCardFields on Product {
    onlineStoreUrl
    featuredMedia {
      preview {
        image {
          url
          altText
        }
      }
    }
    priceRangeV2 {
      minVariantPrice {
        amount
        currencyCode
      }
    }
    translations(locale: $locale) @include(if: $translate) {
      key
      value
    }
    contextualPricing(context: { country: $country }) @include(if: $localPrices) {
      minVariantPricing {
        price {
          amount
          currencyCode
        }
      }
    }
  }
`;

const LOCALE_VARIABLES = `$locale: String = "en", $translate: Boolean = false, $country: CountryCode, $localPrices: Boolean = false`;

export const SEARCH_PRODUCTS = /* GraphQL */ `
  query SearchProducts($first: Int!, $query: String!, ${LOCALE_VARIABLES}) {
    products(first: $first, query: $query) {
      nodes {
        id
        handle
        title
        status
        productType
        tags
        ...ProductCardFields
        variants(first: 5) {
          nodes {
            id
            availableForSale
            price
            selectedOptions {
              name
              value
            }
          }
        }
      }
    }
  }
  ${PRODUCT_CARD_FIELDS}
`;

const PRODUCT_DETAIL_FIELDS = /* GraphQL */ `
  fragment ProductDetailFields on Product {
    id
    handle
    title
    status
    description(truncateAt: 600)
    productType
    vendor
    options {
      name
      optionValues {
        name
      }
    }
    ...ProductCardFields
    variants(first: 50) {
      nodes {
        id
        title
        price
        availableForSale
        inventoryQuantity
        selectedOptions {
          name
          value
        }
        contextualPricing(context: { country: $country }) @include(if: $localPrices) {
          price {
            amount
            currencyCode
          }
        }
      }
    }
  }
`;

export const PRODUCT_DETAILS_BY_HANDLE = /* GraphQL */ `
  query ProductDetailsByHandle($handle: String!, ${LOCALE_VARIABLES}) {
    productByIdentifier(identifier: { handle: $handle }) {
      ...ProductDetailFields
    }
  }
  ${PRODUCT_DETAIL_FIELDS}
  ${PRODUCT_CARD_FIELDS}
`;

export const PRODUCT_DETAILS_BY_ID = /* GraphQL */ `
  query ProductDetailsById($id: ID!, ${LOCALE_VARIABLES}) {
    product(id: $id) {
      ...ProductDetailFields
    }
  }
  ${PRODUCT_DETAIL_FIELDS}
  ${PRODUCT_CARD_FIELDS}
`;
