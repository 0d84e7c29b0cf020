// Admin GraphQL documents of the catalog (API version: app/contracts/admin-api.ts). Each selects only what a
// product answer or card needs; a test validates them against the vendored schema.
// Search asks for 10 products and 5 variants each (about 110 cost points): enough to
// filter by price and stock and show five cards without draining the shop's bucket.

// What a product card shows: its image and its lowest price.
const PRODUCT_CARD_FIELDS = /* GraphQL */ `
  fragment ProductCardFields on Product {
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
  }
`;

export const SEARCH_PRODUCTS = /* GraphQL */ `
  query SearchProducts($first: Int!, $query: String!) {
    products(first: $first, query: $query) {
      nodes {
        id
        handle
        title
        status
        ...ProductCardFields
        variants(first: 5) {
          nodes {
            id
            availableForSale
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
      }
    }
  }
`;

export const PRODUCT_DETAILS_BY_HANDLE = /* GraphQL */ `
  query ProductDetailsByHandle($handle: String!) {
    productByIdentifier(identifier: { handle: $handle }) {
      ...ProductDetailFields
    }
  }
  ${PRODUCT_DETAIL_FIELDS}
  ${PRODUCT_CARD_FIELDS}
`;

export const PRODUCT_DETAILS_BY_ID = /* GraphQL */ `
  query ProductDetailsById($id: ID!) {
    product(id: $id) {
      ...ProductDetailFields
    }
  }
  ${PRODUCT_DETAIL_FIELDS}
  ${PRODUCT_CARD_FIELDS}
`;
