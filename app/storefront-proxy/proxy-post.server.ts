// The skeleton every POST route of the shopper API shares, in the order the
// architecture requires: the app-proxy signature first (nothing is read before it),
// then the method, then the body, parsed and validated with zod. Thrown errors become
// a 503 with Retry-After (guardRoute), never a 500.
import type { z } from "zod";
import type { ShopperApiDeps } from "./deps";
import { methodNotAllowed } from "../infra/http/errors";
import { guardShopperRoute } from "./guard.server";
import { resolveProxyContext, type ProxyContext } from "./proxy-context.server";
import { readJsonBody, type ReadJsonBodyOptions } from "../infra/http/read-json-body";

export function proxyPost<Schema extends z.ZodType>(
  route: string,
  request: Request,
  deps: ShopperApiDeps,
  schema: Schema,
  handle: (context: ProxyContext, body: z.infer<Schema>) => Promise<Response>,
  bodyOptions: ReadJsonBodyOptions = {},
): Promise<Response> {
  return guardShopperRoute(route, request, deps, async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "POST") return methodNotAllowed("POST");
    const body = await readJsonBody(request, schema, bodyOptions);
    if (!body.ok) return body.response;
    return handle(resolved.context, body.data);
  });
}
