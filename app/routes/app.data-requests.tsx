// Data requests: every compliance webhook Shopify sent (data requests, customer and
// shop redactions), its status and counts; data-request exports can be downloaded
// (audited; disabled while paused).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, IndexTable, InlineStack, Spinner, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { adminDeps } from "../composition/admin-context.server";
import { listDataRequests } from "../privacy/admin/data-requests.server";
import { AdminPage, ErrorBanner, PausedBanner } from "../admin-ui/admin-page";
import { downloadFromAction, downloadProblemKey } from "../admin-ui/download";
import { ListLayout, WrappingText } from "../admin-ui/resource-table";
import { useToast } from "../admin-ui/app-bridge";
import { RelativeTime, useT, type Translator } from "../admin-ui/i18n/i18n";
import { loadShopState } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Data requests · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const deps = adminDeps();
  const [requests, state] = await Promise.all([listDataRequests(deps, session.shop), loadShopState(deps.db, session.shop)]);
  return json({ requests, paused: state.paused });
};

const STATUS_TONE: Record<string, "success" | "attention" | "critical" | "info"> = {
  done: "success",
  received: "info",
  processing: "attention",
  failed: "critical",
};
const STATUS_PROGRESS: Record<string, "incomplete" | "partiallyComplete" | "complete" | undefined> = {
  received: "incomplete",
  processing: "partiallyComplete",
  done: "complete",
};
const PENDING = new Set(["received", "processing"]);
const REFRESH_MS = 3000;

type DataRequest = ReturnType<typeof useLoaderData<typeof loader>>["requests"][number];

/** "Found: 2 conversations, 14 messages and 1 lead." in the merchant's language. */
function summaryOf(r: Pick<DataRequest, "topic" | "summary" | "status">, t: Translator): string {
  const parts = Object.entries(r.summary)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => {
      const key = `dataRequests.summary.${kind}`;
      return t.has(key)
        ? t(key, { count })
        : `${t.number(count)} ${kind
            .replace(/([a-z])([A-Z])/g, "$1 $2")
            .replace(/_/g, " ")
            .toLowerCase()}`;
    });
  if (parts.length === 0)
    return r.status === "done" ? (r.topic === "customers/data_request" ? t("dataRequests.nothingFound") : t("dataRequests.nothing")) : "–";
  return t(r.topic === "customers/data_request" ? "dataRequests.summary.found" : "dataRequests.summary.deleted", { items: t.list(parts) });
}

function StatusBadge({ r, t }: { r: DataRequest; t: Translator }) {
  const key = `dataRequests.statusLabel.${r.status}`;
  return (
    <Badge tone={STATUS_TONE[r.status]} progress={STATUS_PROGRESS[r.status]}>
      {t.has(key) ? t(key) : r.status}
    </Badge>
  );
}

export default function DataRequests() {
  const { requests, paused } = useLoaderData<typeof loader>();
  const t = useT();
  const toast = useToast();
  const revalidator = useRevalidator();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pending = requests.filter((r) => PENDING.has(r.status)).length;
  // Exports are built by a background job: look again until every request is done.
  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, revalidator]);
  const download = async (id: string) => {
    setBusy(id);
    const problem = await downloadFromAction(`/app/data-requests/${encodeURIComponent(id)}/download`, {}, "data-request.json").catch(
      () => "DOWNLOAD_FAILED",
    );
    setError(problem && t(downloadProblemKey(problem)));
    setBusy(null);
    toast(problem ? t("dataRequests.downloadFailed") : t("dataRequests.downloaded"), { isError: Boolean(problem) });
  };
  const exportCell = (r: DataRequest) =>
    r.downloadable ? (
      <Button
        size="slim"
        onClick={() => download(r.id)}
        disabled={paused}
        loading={busy === r.id}
        accessibilityLabel={t("dataRequests.downloadLabel", { when: t.dateTime(r.receivedAt) })}
      >
        {t("dataRequests.download")}
      </Button>
    ) : r.topic === "customers/data_request" && r.exportExpiresAt ? (
      <Text as="span" tone="subdued">
        {t("dataRequests.expired", { when: t.date(r.exportExpiresAt) })}
      </Text>
    ) : PENDING.has(r.status) ? (
      <Spinner size="small" accessibilityLabel={t("dataRequests.statusLabel.processing")} />
    ) : (
      <Text as="span" tone="subdued">
        –
      </Text>
    );
  const topic = (r: DataRequest) => {
    const key = `dataRequests.topic.${r.topic}`;
    return t.has(key) ? t(key) : r.topic;
  };
  return (
    <AdminPage
      title={t("dataRequests.title")}
      subtitle={t("dataRequests.subtitle")}
      secondaryActions={[
        { content: t("common.refresh"), onAction: () => revalidator.revalidate(), loading: revalidator.state === "loading" },
      ]}
    >
      <ListLayout
        above={
          <BlockStack gap="300">
            <PausedBanner paused={paused} title={t("dataRequests.downloadsDisabled")} then={t("dataRequests.downloadAgain")} />
            <ErrorBanner title={t("dataRequests.downloadFailed")} message={error} />
            {pending > 0 ? (
              <Banner tone="info">
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Spinner size="small" />
                  <p>{t("dataRequests.inProgress", { count: pending })}</p>
                </InlineStack>
              </Banner>
            ) : null}
          </BlockStack>
        }
        items={requests}
        resourceName={{ singular: t("dataRequests.singular"), plural: t("dataRequests.plural") }}
        headings={[
          t("dataRequests.received"),
          t("dataRequests.type"),
          t("dataRequests.status"),
          t("dataRequests.result"),
          t("dataRequests.export"),
        ]}
        empty={{ heading: t("dataRequests.emptyHeading"), body: t("dataRequests.emptyBody") }}
        cells={(r) => (
          <>
            <IndexTable.Cell>
              <RelativeTime value={r.receivedAt} />
            </IndexTable.Cell>
            <IndexTable.Cell>{topic(r)}</IndexTable.Cell>
            <IndexTable.Cell>
              <StatusBadge r={r} t={t} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <WrappingText maxWidth={300}>
                <Text as="span" tone="subdued">
                  {summaryOf(r, t)}
                </Text>
              </WrappingText>
            </IndexTable.Cell>
            <IndexTable.Cell>{exportCell(r)}</IndexTable.Cell>
          </>
        )}
        condensed={(r) => (
          <BlockStack gap="200">
            <InlineStack align="space-between" gap="200" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                {topic(r)}
              </Text>
              <StatusBadge r={r} t={t} />
            </InlineStack>
            <Text as="span" tone="subdued">
              {t.dateTime(r.receivedAt)}
            </Text>
            <Text as="p">{summaryOf(r, t)}</Text>
            <div>{exportCell(r)}</div>
          </BlockStack>
        )}
      />
    </AdminPage>
  );
}
