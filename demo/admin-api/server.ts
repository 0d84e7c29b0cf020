// Entry point other parts of the demo import (demo/storefront/stack/fakes.ts loads
// "demo/admin-api/server"): the Admin GraphQL fake lives in start-admin-api-fake.ts.
export {
  startAdminApiFake,
  type AdminApiFake,
  type AdminApiFakeOptions,
  type AppMetafields,
  type RecordedRequest,
} from "./start-admin-api-fake";
