// Resource route: the leads CSV, streamed. POST only (an export is an audited action).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { exportLeadsCsvStream, leadFilterSchema } from "../leads/admin/leads.server";
import { authenticate } from "../composition/shopify.server";

export const loader = () => json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST to export." } }, { status: 405 });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  const { status } = leadFilterSchema.pick({ status: true }).parse(form);
  const staff = await staffOf({ session, sessionToken });
  const result = await exportLeadsCsvStream(adminDeps(), { shop: session.shop, staff, status });
  if (!result.ok) return json({ error: { code: result.code, message: result.message } }, { status: 409 });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(result.stream, {
    headers: {
      "X-Export-Rows": String(result.count),
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
