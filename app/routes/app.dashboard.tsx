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
import { formatDate, percent } from "../admin-ui/format";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Privacy dashboard · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { db, clock, vault } = adminDeps();
  return json(await loadPrivacyDashboard({ db, clock, currentKeyId: vault.currentKeyId, provider: modelProvider }, session.shop));
};

const KIND_LABELS: Record<string, string> = {
  conversations: "Conversations", messages: "Messages (redacted, encrypted)", leads: "Handoff requests (contact details, encrypted)",
  order_verifications: "Order verification attempts (hashed)", data_request_exports: "Data-request exports (encrypted)",
  knowledge_entries: "Knowledge base entries", audit_events: "Audit log entries", counted_events: "Counted events (no content)",
};

const TOPICS: Record<string, string> = { "customers/data_request": "Data requests", "customers/redact": "Customer erasures", "shop/redact": "Shop erasures" };

export default function PrivacyDashboard() {
  const d = useLoaderData<typeof loader>();
  return (
    <AdminPage title="Privacy dashboard" subtitle="What this app holds about your shoppers, and how it is protected.">
      <Layout>
        {d.retentionOverdue ? (
          <Layout.Section>
            <Banner tone="warning" title="Something is older than your retention period">
              <p>The daily clean-up should have deleted it. If this stays, contact support.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <SectionCard title="What we hold">
          <DataTable columnContentTypes={["text", "numeric"]} headings={["Kind", "Count"]} rows={d.held.map((h) => [KIND_LABELS[h.kind] ?? h.kind, h.count])} />
          <Text as="p" tone="subdued">{d.keepTranscripts ? "Transcripts are kept." : "Transcripts are not kept (switched off in Privacy settings)."}</Text>
        </SectionCard>
        <SectionCard title="Retention" variant="oneHalf">
          <Text as="p">Kept for {d.retentionDays} days, then deleted. <Link to="/app/privacy">Change</Link></Text>
          {d.oldest.map((o) => (
            <InlineStack key={o.kind} gap="200" blockAlign="center">
              <Text as="span">Oldest {o.kind}:</Text>
              {o.createdAt ? (
                <>
                  <Text as="span">{formatDate(o.createdAt)} ({o.ageDays} days)</Text>
                  {(o.ageDays ?? 0) > d.retentionDays + 1 ? <Badge tone="critical">Overdue</Badge> : <Badge tone="success">Within retention</Badge>}
                </>
              ) : (
                <Text as="span" tone="subdued">none held</Text>
              )}
            </InlineStack>
          ))}
        </SectionCard>
        <SectionCard title="Encryption" variant="oneHalf">
          <Text as="p">AES-256-GCM at rest. Current key: <Text as="span" fontWeight="semibold">{d.currentKeyId}</Text>.</Text>
          <DataTable columnContentTypes={["text", "numeric", "numeric"]} headings={["Data", "Rows", "On current key"]}
            rows={d.encryption.map((e) => [e.kind, e.total, e.total === 0 ? "–" : percent(e.share)])} />
          <Text as="p" tone="subdued">Rows on an older key stay readable; the key-rotation job moves them to the current key.</Text>
        </SectionCard>
        <SectionCard title="Requests served" variant="oneHalf">
          {d.requests.length === 0 ? (
            <Text as="p" tone="subdued">No data requests or erasures received yet.</Text>
          ) : (
            <DataTable columnContentTypes={["text", "text", "numeric"]} headings={["Request", "Status", "Count"]} rows={d.requests.map((r) => [TOPICS[r.topic] ?? r.topic, r.status, r.count])} />
          )}
          <Link to="/app/data-requests">All data requests</Link>
        </SectionCard>
        <SectionCard title="Model provider" variant="oneHalf">
          <InlineStack gap="200">
            <Text as="span" fontWeight="semibold">{d.provider.name}</Text>
            {d.provider.host ? <Badge>{d.provider.host}</Badge> : null}
          </InlineStack>
          <Text as="p">{d.provider.reason}</Text>
          <Text as="p" tone="subdued">Sent: the redacted question, product and policy facts, and a verified order. Never card numbers; never stored by the provider (store: false).</Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}
