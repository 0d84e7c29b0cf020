// The fake's control API for tests and the demo (never part of Shopify's API):
//   GET    /__fake/requests        what was asked (operation, query, variables, status; never the token)
//   DELETE /__fake/requests        forget them
//   POST   /__fake/faults          {kind: throttled|error500|error502|slow|disconnect, count?, delayMs?}
//   DELETE /__fake/faults          clear queued faults
//   POST   /__fake/bucket          {currentlyAvailable}: set what is left in the cost bucket
//   GET    /__fake/app-metafields  app-data metafields as Liquid's app.metafields sees them:
//                                  { namespace: { key: { type, value, jsonValue } } }
//   POST   /__fake/reset           requests, faults, buckets and metafields back to the start
import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultSchema, type createFaultQueue } from "./faults";
import { parseJsonObject, readBody, sendJson } from "./http-helpers";
import type { ThrottleStatus } from "./leaky-bucket";

export interface ControlDeps {
  requests(): unknown[];
  clearRequests(): void;
  faults: ReturnType<typeof createFaultQueue>;
  setBucketAvailable(points: number): ThrottleStatus;
  appMetafields(): unknown;
  reset(): void;
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, route: string, deps: ControlDeps) {
  const ok = () => sendJson(res, 200, { ok: true });
  switch (route) {
    case "GET /__fake/requests":
      return sendJson(res, 200, { requests: deps.requests() });
    case "DELETE /__fake/requests":
      deps.clearRequests();
      return ok();
    case "GET /__fake/app-metafields":
      return sendJson(res, 200, deps.appMetafields());
    case "DELETE /__fake/faults":
      deps.faults.clear();
      return ok();
    case "POST /__fake/reset":
      deps.reset();
      return ok();
  }
  const body = parseJsonObject((await readBody(req)) ?? "");
  if (route === "POST /__fake/faults") {
    const parsed = FaultSchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: { code: "BAD_REQUEST", message: parsed.error.message } });
    deps.faults.add(parsed.data);
    return sendJson(res, 200, { queued: deps.faults.pending() });
  }
  if (route === "POST /__fake/bucket" && typeof body?.currentlyAvailable === "number") {
    return sendJson(res, 200, deps.setBucketAvailable(body.currentlyAvailable));
  }
  return sendJson(res, 404, { error: { code: "NOT_FOUND", message: `No fake route ${route}` } });
}
