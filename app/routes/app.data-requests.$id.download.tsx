// Resource route: a data request's export as JSON. POST only (audited action).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { downloadDataRequestExport } from "../privacy/admin/data-requests.server";
import { authenticate } from "../composition/shopify.server";

export const loader = () => json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST to download." } }, { status: 405 });

const STATUS: Record<string, number> = {
  DATA_REQUEST_NOT_FOUND: 404,
  SHOP_PAUSED: 409,
  DATA_REQUEST_EXPIRED: 410,
  DATA_REQUEST_NOT_READY: 409,
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const id = z.string().min(1).max(100).safeParse(params.id);
  if (!id.success) return json({ error: { code: "BAD_REQUEST", message: "Unknown data request." } }, { status: 400 });
  const staff = await staffOf({ session, sessionToken });
  const { db, vault } = adminDeps();
  const result = await downloadDataRequestExport(db, vault, {
    shop: session.shop,
    dataRequestId: id.data,
    actor: staff.id,
    actorName: staff.name,
  });
  if (!result.ok) return json({ error: { code: result.code, message: result.message } }, { status: STATUS[result.code] ?? 400 });
  return new Response(result.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.filename.replace(/[^A-Za-z0-9_.-]/g, "")}"`,
      "Cache-Control": "no-store",
    },
  });
};
