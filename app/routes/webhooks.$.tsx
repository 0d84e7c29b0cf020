// Any other path under /webhooks: a JSON 404 for every method (Shopify only posts to
// the topics of shopify.app.toml). Nothing is read.
import { jsonError } from "../infra/http/errors";

const notFound = () => jsonError(404, "NOT_FOUND", "There is no such webhook endpoint.");

export const loader = notFound;
export const action = notFound;
