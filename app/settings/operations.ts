// Admin GraphQL documents of the settings module (validated against the vendored
// Admin schema by test/admin-operations.test.ts).

/** The app installation that owns the app-data metafield the theme embed reads. */
export const CurrentAppInstallation = /* GraphQL */ `
  query CurrentAppInstallation {
    currentAppInstallation {
      id
    }
  }
`;

/** Writes the PUBLIC widget configuration (app-data metafield, type json). */
export const SetWidgetConfig = /* GraphQL */ `
  mutation SetWidgetConfig($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The shop's own time zone (admin dates are shown in it unless the merchant chose one). */
export const ShopTimeZone = /* GraphQL */ `
  query ShopTimeZone {
    shop {
      ianaTimezone
    }
  }
`;

/**
 * The languages the shop publishes on its storefront (needs read_locales). The admin offers
 * merchant texts for each published language but the primary one; the catalog asks for
 * translations only for a language that is not the primary one (shop-locales.ts).
 */
export const ShopLocales = /* GraphQL */ `
  query ShopLocales {
    shopLocales(published: true) {
      locale
      name
      primary
    }
  }
`;
