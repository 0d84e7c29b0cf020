// Any other path under /proxy (storefront /apps/assistant/...): the shopper API's JSON
// 404, for every method, instead of the admin's HTML page. Nothing is read.
import { jsonError } from "../infra/http/errors";

const notFound = () => jsonError(404, "NOT_FOUND", "There is no such endpoint.");

export const loader = notFound;
export const action = notFound;
