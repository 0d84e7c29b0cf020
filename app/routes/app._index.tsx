// Home: the set-up checklist, told truthfully, and the assistant's mode.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminDeps, modelProvider } from "../composition/admin-context.server";
import { appRoot } from "../composition/root.server";
import { embedDeepLink, loadSetupChecklist } from "../setup/setup-checklist.server";
import { AdminPage } from "../admin-ui/admin-page";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";
import { useT } from "../admin-ui/i18n/i18n";
import { checklistDetail, providerReason } from "../admin-ui/server-notices";

export const meta: MetaFunction = () => [{ title: "Home · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { db, clock } = adminDeps();
  const checklist = await loadSetupChecklist({ db, clock, provider: modelProvider }, session.shop);
  return json({ checklist, embedLink: embedDeepLink(session.shop, appRoot().config.SHOPIFY_API_KEY) });
};

const MODE_TONES = { ai: "success", basic: "info", paused: "critical" } as const;
const MODE_LABELS = { ai: "analytics.mode.ai", basic: "analytics.mode.basic", paused: "incidents.paused" } as const;

export default function Home() {
  const { checklist, embedLink } = useLoaderData<typeof loader>();
  const t = useT();
  const actions: Record<string, JSX.Element> = {
    embed: (
      <Button url={embedLink} target="_top">
        {t("home.openThemeEditor")}
      </Button>
    ),
    privacy_notice: <Link to="/app/privacy">{t("nav.privacy")}</Link>,
    retention: <Link to="/app/privacy">{t("nav.privacy")}</Link>,
    knowledge: <Link to="/app/knowledge">{t("knowledge.title")}</Link>,
    test_conversation: <Link to="/app/conversations">{t("nav.conversations")}</Link>,
  };
  const done = checklist.items.filter((i) => i.state === "done").length;
  return (
    <AdminPage title={t("home.title")}>
      <Layout>
        {checklist.paused ? (
          <Layout.Section>
            <Banner tone="critical" title={t("home.paused")}>
              <p>
                {t("home.pausedBody")} <Link to="/app/incidents">{t("home.resumeLink")}</Link>
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <SectionCard title={t("home.setup", { done, total: checklist.items.length })} gap="400">
          {checklist.items.map((item) => (
            <InlineStack key={item.id} align="space-between" blockAlign="center" gap="400">
              <div style={{ flex: "1 1 280px", minWidth: 0 }}>
                <BlockStack gap="100">
                  <InlineStack gap="200" align="start" blockAlign="center">
                    <Badge tone={item.state === "done" ? "success" : "attention"}>
                      {item.state === "done" ? t("home.done") : t("home.todo")}
                    </Badge>
                    <Text as="h3" variant="headingSm">
                      {t(`home.step.${item.id}`)}
                    </Text>
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {/* "5 hours ago": the server's and the browser's clocks may disagree at the edge. */}
                    <span suppressHydrationWarning>{checklistDetail(item.detail, t)}</span>
                  </Text>
                </BlockStack>
              </div>
              {item.state === "done" ? null : actions[item.id]}
            </InlineStack>
          ))}
        </SectionCard>
        <SectionCard title={t("home.mode")} variant="oneThird" gap="200">
          <Badge tone={MODE_TONES[checklist.mode.mode]}>{t(MODE_LABELS[checklist.mode.mode])}</Badge>
          <Text as="p">{providerReason(checklist.mode.provider, checklist.mode.reason, t)}</Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}
