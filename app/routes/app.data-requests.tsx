// Data requests: every compliance webhook Shopify sent (data requests, customer and
// shop redactions), its status and counts; data-request exports can be downloaded
// (audited; disabled while paused).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, IndexTable, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps } from "../composition/admin-context.server";
import { listDataRequests } from "../privacy/admin/data-requests.server";
import { AdminPage, ErrorBanner, PausedBanner } from "../admin-ui/admin-page";
import { downloadFromAction } from "../admin-ui/download";
import { ListLayout } from "../admin-ui/resource-table";
import { formatDateTime } from "../admin-ui/format";
import { loadShopState } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Data requests · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const deps = adminDeps();
  const [requests, state] = await Promise.all([listDataRequests(deps, session.shop), loadShopState(deps.db, session.shop)]);
  return json({ requests, paused: state.paused });
};

const TOPICS: Record<string, string> = {
  "customers/data_request": "Customer data request",
  "customers/redact": "Customer erasure",
  "shop/redact": "Shop erasure",
};

const STATUS_TONE: Record<string, "success" | "attention" | "critical" | "info"> = {
  done: "success", received: "info", processing: "attention", failed: "critical",
};

export default function DataRequests() {
  const { requests, paused } = useLoaderData<typeof loader>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (id: string) => {
    setBusy(id);
    setError(await downloadFromAction(`/app/data-requests/${encodeURIComponent(id)}/download`, {}, "data-request.json").catch(() => "The download failed."));
    setBusy(null);
  };
  return (
    <AdminPage title="Data requests" subtitle="Requests Shopify forwarded under privacy law (GDPR, CCPA). They are handled automatically; exports are for you to send to the customer.">
      <ListLayout
        above={
          <BlockStack gap="300">
            <PausedBanner paused={paused} title="Downloads are disabled" then="download exports" />
            <ErrorBanner title="Download failed" message={error} />
          </BlockStack>
        }
        items={requests}
        resourceName={{ singular: "data request", plural: "data requests" }}
        headings={["Received", "Type", "Status", "Result", "Export"]}
        empty={{
          heading: "No data requests yet",
          body: "When a customer asks you for their data or asks to be forgotten, Shopify tells this app. The request, what was found or deleted, and any export appear here.",
        }}
        cells={(r) => (
          <>
            <IndexTable.Cell>{formatDateTime(r.receivedAt)}</IndexTable.Cell>
            <IndexTable.Cell>{TOPICS[r.topic] ?? r.topic}</IndexTable.Cell>
            <IndexTable.Cell><Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge></IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" tone="subdued">
                {Object.entries(r.summary).map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`).join(", ") || "–"}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {r.downloadable ? (
                <Button size="slim" onClick={() => download(r.id)} disabled={paused} loading={busy === r.id} accessibilityLabel={`Download the export of the request received ${formatDateTime(r.receivedAt)}`}>
                  Download
                </Button>
              ) : r.topic === "customers/data_request" && r.exportExpiresAt ? (
                <Text as="span" tone="subdued">Expired {formatDateTime(r.exportExpiresAt)}</Text>
              ) : (
                <Text as="span" tone="subdued">–</Text>
              )}
            </IndexTable.Cell>
          </>
        )}
      />
    </AdminPage>
  );
}
