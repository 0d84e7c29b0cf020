// Admin GraphQL documents of the catalog (API version: app/contracts/admin-api.ts). Each selects only what a
// product answer or card needs; a test validates every one against the vendored schema.
//
// Published only: `onlineStoreUrl` is null unless the product is published on the Online
// Store publication (no extra scope, unlike publishedOnCurrentPublication), and the search
// query itself asks for `status:active published_status:published` (catalog.ts).
//
// Cost: Shopify charges a query by what it requests (an object 1 point, a connection 2 plus
// `first` times its node), before it runs, whatever @include says in the cheapest reading.
// So the parts only some shoppers need are not switched by directives but left out of the
// document: each read comes in variants ("shapes"), and catalog.ts picks the one the turn
// needs:
// - `translations(locale:)` (title, description, handle) only when the shopper's locale is
//   not the shop's primary one;
// - `contextualPricing(context: { country })` only when the storefront named a country.
// A search asks for 10 products and 5 variants each: enough to filter by price, size, colour
// and stock and show five cards (the question set needs 9 or more candidates to rank well).
// A search variant's options come from its title ("XL / Black": Shopify joins the option
// values with " / "), a free scalar, instead of selectedOptions (1 point per variant).
// test/catalog-query-cost.test.ts holds the requested cost of every shape to the bound in
// docs/architecture.md ("Admin API cost of a search").

/** Which optional parts a read asks for. */
export interface ReadShape {
  /** translations(locale: $locale): the shopper's locale is not the primary one. */
  translate: boolean;
  /** contextualPricing(context: { country: $country }): the storefront named a country. */
  localPrices: boolean;
}

/** Products a search asks for (the five best are shown after filtering and ranking). */
export const SEARCH_FIRST = 10;
/** Variants per product a search looks at (availability, size, colour, price). */
export const SEARCH_VARIANTS = 5;
/** Variants a product's details list. */
export const DETAIL_VARIANTS = 50;

const TRANSLATIONS = `
    translations(locale: $locale) {
      key
      value
    }`;

// What a product card shows: its image, its lowest price (the market's when asked), its
// translated title and handle (when asked).
const cardFields = (shape: ReadShape) => `
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
    }${shape.translate ? TRANSLATIONS : ""}${
      shape.localPrices
        ? `
    contextualPricing(context: { country: $country }) {
      minVariantPricing {
        price {
          amount
          currencyCode
        }
      }
    }`
        : ""
    }`;

const variablesOf = (shape: ReadShape) =>
  [shape.translate ? "$locale: String!" : "", shape.localPrices ? "$country: CountryCode" : ""].filter(Boolean).join(", ");

const nameOf = (base: string, shape: ReadShape) => `${base}${shape.translate ? "Translated" : ""}${shape.localPrices ? "InMarket" : ""}`;

function searchDocument(shape: ReadShape): string {
  const variables = ["$first: Int!", "$query: String!", variablesOf(shape)].filter(Boolean).join(", ");
  return /* GraphQL */ `
  query ${nameOf("SearchProducts", shape)}(${variables}) {
    products(first: $first, query: $query) {
      nodes {
        id
        handle
        title
        status
        productType
        tags${cardFields(shape)}
        variants(first: ${SEARCH_VARIANTS}) {
          nodes {
            id
            availableForSale
            price
            title
          }
        }
      }
    }
  }
`;
}

function detailDocument(by: "handle" | "id", shape: ReadShape): string {
  const variables = [by === "id" ? "$id: ID!" : "$handle: String!", variablesOf(shape)].filter(Boolean).join(", ");
  const root = by === "id" ? "product(id: $id)" : "productByIdentifier(identifier: { handle: $handle })";
  return /* GraphQL */ `
  query ${nameOf(by === "id" ? "ProductDetailsById" : "ProductDetailsByHandle", shape)}(${variables}) {
    ${root} {
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
      }${cardFields(shape)}
      variants(first: ${DETAIL_VARIANTS}) {
        nodes {
          id
          title
          price
          availableForSale
          inventoryQuantity
          selectedOptions {
            name
            value
          }${
            shape.localPrices
              ? `
          contextualPricing(context: { country: $country }) {
            price {
              amount
              currencyCode
            }
          }`
              : ""
          }
        }
      }
    }
  }
`;
}

const READ_SHAPES: ReadShape[] = [false, true].flatMap((translate) => [false, true].map((localPrices) => ({ translate, localPrices })));
const keyOf = (shape: ReadShape) => nameOf("", shape) || "Plain";

/** Every search document by shape name ("Plain", "Translated", "InMarket", "TranslatedInMarket"). */
export const SEARCH_PRODUCTS_BY_SHAPE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(READ_SHAPES.map((s) => [keyOf(s), searchDocument(s)])),
);
/** Every product-details-by-handle document by shape name. */
export const PRODUCT_DETAILS_BY_HANDLE_BY_SHAPE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(READ_SHAPES.map((s) => [keyOf(s), detailDocument("handle", s)])),
);
/** Every product-details-by-id document by shape name. */
export const PRODUCT_DETAILS_BY_ID_BY_SHAPE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(READ_SHAPES.map((s) => [keyOf(s), detailDocument("id", s)])),
);

export const searchProductsDocument = (shape: ReadShape) => SEARCH_PRODUCTS_BY_SHAPE[keyOf(shape)]!;
export const productDetailsDocument = (by: "handle" | "id", shape: ReadShape) =>
  (by === "id" ? PRODUCT_DETAILS_BY_ID_BY_SHAPE : PRODUCT_DETAILS_BY_HANDLE_BY_SHAPE)[keyOf(shape)]!;

/** The plainest search and details (primary locale, shop currency): for callers that need just one. */
export const SEARCH_PRODUCTS = searchProductsDocument({ translate: false, localPrices: false });
export const PRODUCT_DETAILS_BY_HANDLE = productDetailsDocument("handle", { translate: false, localPrices: false });
export const PRODUCT_DETAILS_BY_ID = productDetailsDocument("id", { translate: false, localPrices: false });
