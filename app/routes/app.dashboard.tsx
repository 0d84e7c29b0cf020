// Privacy dashboard: what the app holds for this shop, the oldest item against the
// retention period, encryption status, compliance requests served, and where model
// traffic goes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Banner, DataTable, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminDeps, modelProvider } from "../composition/admin-context.server";
import { loadPrivacyDashboard } from "../privacy/admin/privacy-dashboard.server";
import { AdminPage } from "../admin-ui/admin-page";
import { useT, type Translator } from "../admin-ui/i18n/i18n";
import { SectionCard } from "../admin-ui/section-card";
import { providerReason } from "../admin-ui/server-notices";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Privacy dashboard · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { db, clock, vault } = adminDeps();
  return json(await loadPrivacyDashboard({ db, clock, currentKeyId: vault.currentKeyId, provider: modelProvider }, session.shop));
};

const label = (t: Translator, key: string, fallback: string) => (t.has(key) ? t(key) : fallback);

export default function PrivacyDashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AdminPage title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <Layout>
        {d.retentionOverdue ? (
          <Layout.Section>
            <Banner tone="warning" title={t("dashboard.overdue")}>
              <p>{t("dashboard.overdueBody")}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <SectionCard title={t("dashboard.held")}>
          <DataTable
            columnContentTypes={["text", "numeric"]}
            headings={[t("dashboard.kind"), t("analytics.count")]}
            rows={d.held.map((h) => [label(t, `dashboard.kind.${h.kind}`, h.kind), t.number(h.count)])}
          />
          <Text as="p" tone="subdued">
            {d.keepTranscripts ? t("dashboard.transcriptsKept") : t("dashboard.transcriptsNotKept")}
          </Text>
        </SectionCard>
        <SectionCard title={t("dashboard.retention")} variant="oneHalf">
          <Text as="p">
            {t("dashboard.keptFor", { count: d.retentionDays })} <Link to="/app/privacy">{t("dashboard.change")}</Link>
          </Text>
          {d.oldest.map((o) => (
            <InlineStack key={o.kind} gap="200" blockAlign="center">
              <Text as="span">{label(t, `dashboard.oldest.${o.kind}`, o.kind)}</Text>
              {o.createdAt ? (
                <>
                  <Text as="span">{t("dashboard.ageDays", { date: t.date(o.createdAt), count: o.ageDays ?? 0 })}</Text>
                  {(o.ageDays ?? 0) > d.retentionDays + 1 ? (
                    <Badge tone="critical">{t("dashboard.overdueBadge")}</Badge>
                  ) : (
                    <Badge tone="success">{t("dashboard.within")}</Badge>
                  )}
                </>
              ) : (
                <Text as="span" tone="subdued">
                  {t("dashboard.noneHeld")}
                </Text>
              )}
            </InlineStack>
          ))}
        </SectionCard>
        <SectionCard title={t("dashboard.encryption")} variant="oneHalf">
          <Text as="p">{t("dashboard.encryptionBody", { key: d.currentKeyId })}</Text>
          <DataTable
            columnContentTypes={["text", "numeric", "numeric"]}
            headings={[t("dashboard.data"), t("dashboard.rows"), t("dashboard.onCurrentKey")]}
            rows={d.encryption.map((e) => [
              label(t, `dashboard.kind.${e.kind.replace(/ /g, "_")}`, e.kind),
              t.number(e.total),
              e.total === 0 ? "–" : t.percent(e.share),
            ])}
          />
          <Text as="p" tone="subdued">
            {t("dashboard.rotation")}
          </Text>
        </SectionCard>
        <SectionCard title={t("dashboard.requests")} variant="oneHalf">
          {d.requests.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("dashboard.noRequests")}
            </Text>
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "numeric"]}
              headings={[t("dashboard.request"), t("dataRequests.status"), t("analytics.count")]}
              rows={d.requests.map((r) => [
                label(t, `dataRequests.topic.${r.topic}`, r.topic),
                label(t, `dataRequests.statusLabel.${r.status}`, r.status),
                t.number(r.count),
              ])}
            />
          )}
          <Link to="/app/data-requests">{t("dashboard.allRequests")}</Link>
        </SectionCard>
        <SectionCard title={t("dashboard.provider")} variant="oneHalf">
          <InlineStack gap="200">
            <Text as="span" fontWeight="semibold">
              {d.provider.name ?? t("provider.none")}
            </Text>
            {d.provider.host ? <Badge>{d.provider.host}</Badge> : null}
          </InlineStack>
          <Text as="p">{providerReason(d.provider, d.provider.reason, t)}</Text>
          <Text as="p" tone="subdued">
            {t("dashboard.sent")}
          </Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}
