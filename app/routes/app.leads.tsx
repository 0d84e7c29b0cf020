// Leads: shoppers who asked for a person, with the consent they gave. Mark handled;
// export as CSV (audited; disabled while the assistant is paused).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps, searchParamsOf, staffOf } from "../composition/admin-context.server";
import { leadActionSchema, leadFilterSchema, listLeads, markLeadHandled } from "../leads/admin/leads.server";
import { AdminPage, ErrorBanner, PausedBanner } from "../admin-ui/admin-page";
import { downloadFromAction, downloadProblemKey } from "../admin-ui/download";
import { useToast, useToastOnResult } from "../admin-ui/app-bridge";
import { RelativeTime, useT, type Translator } from "../admin-ui/i18n/i18n";
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

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = leadActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false as const, code: "BAD_REQUEST" as string | null }, { status: 400 });
  const staff = await staffOf({ session, sessionToken });
  const result = await markLeadHandled(adminDeps(), { shop: session.shop, staff, leadId: parsed.data.leadId });
  return json(result.ok ? { ok: true as const, code: null } : { ok: false as const, code: result.code }, {
    status: result.ok ? 200 : 404,
  });
};

export default function Leads() {
  const { page, status, paused } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const toast = useToast();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const [exportError, setExportError] = useState<string | null>(null);
  const actionProblem = (code: string | null) =>
    code === "LEAD_NOT_FOUND" ? t("leads.notFound") : code === "BAD_REQUEST" ? t("common.notUnderstood") : t("common.somethingWrong");
  const [exporting, setExporting] = useState(false);
  useToastOnResult(result, (r) => (r.ok ? { text: t("leads.markedHandled") } : { text: actionProblem(r.code), isError: true }));
  const exportCsv = async () => {
    setExporting(true);
    const problem = await downloadFromAction("/app/leads/export", { status }, "leads.csv").catch(() => "DOWNLOAD_FAILED");
    setExportError(problem && t(downloadProblemKey(problem)));
    setExporting(false);
    if (problem) toast(t("leads.exportFailed"), { isError: true });
    else toast(t("leads.exported"));
  };
  return (
    <AdminPage
      title={t("leads.title")}
      subtitle={t("leads.subtitle")}
      primaryAction={{ content: t("leads.export"), onAction: exportCsv, disabled: paused || page.items.length === 0, loading: exporting }}
    >
      <ListLayout
        above={
          <BlockStack gap="300">
            <PausedBanner paused={paused} title={t("leads.exportsDisabled")} then={t("leads.exportAgain")} />
            <ErrorBanner title={t("leads.exportFailed")} message={exportError} />
            <ErrorBanner message={result && !result.ok ? actionProblem(result.code) : null} />
            <Card>
              <Select
                label={t("leads.status")}
                value={status}
                onChange={(value) => set({ status: value === "all" ? undefined : value })}
                options={(["all", "new", "handled"] as const).map((value) => ({ label: t(`leads.status.${value}`), value }))}
              />
            </Card>
          </BlockStack>
        }
        items={page.items}
        resourceName={{ singular: t("leads.singular"), plural: t("leads.plural") }}
        headings={[t("leads.received"), t("leads.contact"), t("leads.message"), t("leads.consent"), t("leads.status")]}
        pagination={pagination}
        empty={{
          heading: status === "all" ? t("leads.emptyHeading") : t("leads.emptyFilteredHeading"),
          body: t("leads.emptyBody"),
        }}
        cells={(lead) => <LeadCells lead={lead} t={t} />}
        condensed={(lead) => <LeadCard lead={lead} t={t} />}
      />
    </AdminPage>
  );
}

type Lead = ReturnType<typeof useLoaderData<typeof loader>>["page"]["items"][number];

function LeadStatus({ lead, t }: { lead: Lead; t: Translator }) {
  if (lead.status === "handled") return <Badge tone="success">{t("leads.status.handled")}</Badge>;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="handled" />
      <input type="hidden" name="leadId" value={lead.id} />
      <InlineStack gap="200" blockAlign="center">
        <Badge tone="attention">{t("leads.status.new")}</Badge>
        <Button submit size="slim">
          {t("leads.markHandled")}
        </Button>
      </InlineStack>
    </Form>
  );
}

function LeadContact({ lead, t }: { lead: Lead; t: Translator }) {
  return (
    <BlockStack gap="050">
      <Text as="span" fontWeight="semibold">
        {lead.name ?? t("leads.noName")}
      </Text>
      {lead.email ? (
        <Text as="span" breakWord>
          {lead.email}
        </Text>
      ) : null}
      {lead.phone ? <Text as="span">{lead.phone}</Text> : null}
    </BlockStack>
  );
}

function LeadCells({ lead, t }: { lead: Lead; t: Translator }) {
  return (
    <>
      <IndexTable.Cell>
        <RelativeTime value={lead.createdAt} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <LeadContact lead={lead} t={t} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <WrappingText maxWidth={320}>
          <Text as="span" breakWord>
            {lead.message ?? "–"}
          </Text>
        </WrappingText>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <WrappingText maxWidth={260}>
          <Text as="span" tone="subdued">
            {t.dateTime(lead.consentAt)}: “{lead.consentText}”
          </Text>
        </WrappingText>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <LeadStatus lead={lead} t={t} />
      </IndexTable.Cell>
    </>
  );
}

/** A lead on a narrow screen: one block instead of five columns. */
function LeadCard({ lead, t }: { lead: Lead; t: Translator }) {
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="start" gap="200">
        <LeadContact lead={lead} t={t} />
        <Text as="span" tone="subdued">
          <RelativeTime value={lead.createdAt} />
        </Text>
      </InlineStack>
      {lead.message ? (
        <Text as="p" breakWord>
          {lead.message}
        </Text>
      ) : null}
      <Text as="p" tone="subdued" breakWord>
        {t("leads.consent")}: {t.dateTime(lead.consentAt)}: “{lead.consentText}”
      </Text>
      <LeadStatus lead={lead} t={t} />
    </BlockStack>
  );
}
