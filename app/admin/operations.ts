// Admin GraphQL documents of the admin module (validated against the vendored Admin
// schema by test/admin-operations.test.ts).

/**
 * The published theme's settings_data.json, where Shopify records which app embeds
 * are switched on. Needs read_themes; without it the checklist says "unknown".
 */
export const MainThemeSettingsData = /* GraphQL */ `
  query MainThemeSettingsData {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: ["config/settings_data.json"], first: 1) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
            }
          }
        }
      }
    }
  }
`;
