// Leads: shoppers who asked for a person, with the consent they gave. Mark handled;
// export as CSV (audited; disabled while the assistant is paused).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { adminDeps, searchParamsOf, staffOf } from "../composition/admin-context.server";
import { leadFilterSchema, listLeads, markLeadHandled } from "../leads/admin/leads.server";
import { AdminPage, ErrorBanner, PausedBanner } from "../admin-ui/admin-page";
import { downloadFromAction } from "../admin-ui/download";
import { formatDateTime } from "../admin-ui/format";
import { useCursorPagination, useFilterParams } from "../admin-ui/pagination";
import { ListLayout, WrappingText } from "../admin-ui/resource-table";
import { loadShopState } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Leads · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const filter = leadFilterSchema.parse(searchParamsOf(request));
  const deps = adminDeps();
  const [page, state] = await Promise.all([listLeads(deps, session.shop, filter), loadShopState(deps.db, session.shop)]);
  return json({ page, status: filter.status, paused: state.paused });
};

const actionSchema = z.object({ intent: z.literal("handled"), leadId: z.string().min(1).max(100) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false as const, message: "That request was not understood." }, { status: 400 });
  const staff = await staffOf({ session, sessionToken });
  const result = await markLeadHandled(adminDeps(), { shop: session.shop, staff, leadId: parsed.data.leadId });
  return json(result.ok ? { ok: true as const, message: null } : { ok: false as const, message: result.message }, { status: result.ok ? 200 : 404 });
};

export default function Leads() {
  const { page, status, paused } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    setExportError(await downloadFromAction("/app/leads/export", { status }, "leads.csv").catch(() => "The download failed."));
    setExporting(false);
  };
  return (
    <AdminPage
      title="Leads"
      subtitle="Shoppers who asked to talk to a person. Only the fields you chose are collected."
      primaryAction={{ content: "Export CSV", onAction: exportCsv, disabled: paused || page.items.length === 0, loading: exporting, helpText: paused ? "Exports are disabled while the assistant is paused." : "The export is recorded in the audit log." }}
    >
      <ListLayout
        above={
          <BlockStack gap="300">
            <PausedBanner paused={paused} title="Exports are disabled" then="export again" />
            <ErrorBanner title="Export failed" message={exportError} />
            <ErrorBanner message={result && !result.ok ? result.message : null} />
            <Card>
              <Select label="Status" value={status} onChange={(value) => set({ status: value === "all" ? undefined : value })}
                options={[{ label: "All", value: "all" }, { label: "New", value: "new" }, { label: "Handled", value: "handled" }]} />
            </Card>
          </BlockStack>
        }
        items={page.items}
        resourceName={{ singular: "lead", plural: "leads" }}
        headings={["Received", "Contact", "Message", "Consent", "Status"]}
        pagination={pagination}
        empty={{
          heading: status === "all" ? "No leads yet" : "No leads with this status",
          body: "When a shopper asks the assistant for a person and agrees to be contacted, the request appears here. Choose the fields to collect on the Assistant page.",
        }}
        cells={(lead) => <LeadCells lead={lead} />}
      />
    </AdminPage>
  );
}

function LeadCells({ lead }: { lead: ReturnType<typeof useLoaderData<typeof loader>>["page"]["items"][number] }) {
  return (
    <>
      <IndexTable.Cell>{formatDateTime(lead.createdAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span" fontWeight="semibold">{lead.name ?? "No name"}</Text>
          {lead.email ? <Text as="span">{lead.email}</Text> : null}
          {lead.phone ? <Text as="span">{lead.phone}</Text> : null}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <WrappingText maxWidth={320}><Text as="span" breakWord>{lead.message ?? "–"}</Text></WrappingText>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <WrappingText maxWidth={260}>
          <Text as="span" tone="subdued">{formatDateTime(lead.consentAt)}: “{lead.consentText}”</Text>
        </WrappingText>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {lead.status === "handled" ? (
          <Badge tone="success">Handled</Badge>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="handled" />
            <input type="hidden" name="leadId" value={lead.id} />
            <InlineStack gap="200" blockAlign="center">
              <Badge tone="attention">New</Badge>
              <Button submit size="slim">Mark handled</Button>
            </InlineStack>
          </Form>
        )}
      </IndexTable.Cell>
    </>
  );
}
