// Incident response: alerts on unusual activity, a one-click pause (the assistant
// stores nothing and exports stop), and an assessment of what a time window touched.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, DataTable, InlineStack, Layout, List, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { assessWindow } from "../incidents/incident-assessment.server";
import {
  detectAlerts,
  incidentActionSchema,
  MAX_WINDOW_DAYS,
  parseIncidentWindow,
  setPaused,
  type WindowProblem,
} from "../incidents/incidents.server";
import { ALERT_LOOKBACK_HOURS } from "../incidents/incident-rules";
import { AdminPage, ErrorBanner } from "../admin-ui/admin-page";
import { SectionCard, TitledCard } from "../admin-ui/section-card";
import { EmptyNotice } from "../admin-ui/empty";
import { ConfirmModal, useToastOnResult } from "../admin-ui/app-bridge";
import { useT } from "../admin-ui/i18n/i18n";
import { actionLabel } from "../admin-ui/audit-sentence";
import { alertText, dataKindLabel } from "../admin-ui/server-notices";
import { useFilterParams } from "../admin-ui/pagination";
import { windowInputsOf, windowParamsOf, type WindowInputs } from "../incidents/incident-window";
import { loadShopState } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Incidents · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const deps = adminDeps();
  const params = new URL(request.url).searchParams;
  const [alerts, state] = await Promise.all([detectAlerts(deps, session.shop), loadShopState(deps.db, session.shop)]);
  let assessment = null;
  let windowError: WindowProblem | null = null;
  if (params.has("from") || params.has("to")) {
    const window = parseIncidentWindow(params.get("from"), params.get("to"));
    if (window.ok) assessment = await assessWindow(deps.db, session.shop, window.window);
    else windowError = window.problem;
  }
  return json({ alerts, paused: state.paused, assessment, windowError, from: params.get("from") ?? "", to: params.get("to") ?? "" });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = incidentActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false as const }, { status: 400 });
  const staff = await staffOf({ session, sessionToken });
  const paused = parsed.data.intent === "pause";
  await setPaused(adminDeps(), { shop: session.shop, staff, paused });
  return json({ ok: true as const, paused });
};

export default function Incidents() {
  const { alerts, paused, assessment, windowError, from, to } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const t = useT();
  const submit = useSubmit();
  const { set } = useFilterParams();
  const [confirming, setConfirming] = useState(false);
  useToastOnResult(result, (r) =>
    r.ok ? { text: t(r.paused ? "incidents.pausedToast" : "incidents.resumedToast") } : { text: t("common.notUnderstood"), isError: true },
  );
  const pause = () => {
    setConfirming(false);
    submit({ intent: "pause" }, { method: "post" });
  };
  const resume = () => submit({ intent: "resume" }, { method: "post" });
  const toggle = {
    content: paused ? t("incidents.resume") : t("incidents.pause"),
    onAction: paused ? resume : () => setConfirming(true),
    loading: busy,
    destructive: !paused,
  };
  return (
    <AdminPage title={t("incidents.title")} subtitle={t("incidents.subtitle")} primaryAction={toggle}>
      <ConfirmModal
        id="pause-assistant-modal"
        open={confirming}
        title={t("incidents.pauseTitle")}
        body={t("incidents.pauseBody")}
        confirmLabel={t("incidents.pause")}
        cancelLabel={t("common.cancel")}
        onConfirm={pause}
        onClose={() => setConfirming(false)}
      />
      <Layout>
        <Layout.Section>
          <ErrorBanner message={result && !result.ok ? t("common.notUnderstood") : null} />
          <TitledCard
            title={t("incidents.containment")}
            aside={<Badge tone={paused ? "critical" : "success"}>{paused ? t("incidents.paused") : t("incidents.running")}</Badge>}
          >
            <Text as="p">{paused ? t("incidents.pausedBody") : t("incidents.runningBody")}</Text>
            <InlineStack>
              <Button variant="primary" tone={paused ? undefined : "critical"} loading={busy} onClick={toggle.onAction}>
                {toggle.content}
              </Button>
            </InlineStack>
          </TitledCard>
        </Layout.Section>
        <SectionCard title={t("incidents.alerts", { count: ALERT_LOOKBACK_HOURS })}>
          {alerts.length === 0 ? (
            <EmptyNotice heading={t("incidents.noAlerts")}>
              <p>{t("incidents.noAlertsBody")}</p>
            </EmptyNotice>
          ) : (
            alerts.map((a) => (
              <Banner
                key={`${a.kind}-${a.actor ?? ""}-${a.windowStart}`}
                tone="warning"
                title={alertText(a, t).title}
                action={{
                  content: t("incidents.assessWindow"),
                  onAction: () => set({ from: a.windowStart, to: new Date(new Date(a.windowEnd).getTime() + 60_000).toISOString() }),
                }}
              >
                <p>
                  {alertText(a, t).body} ({t.dateTime(a.windowStart)} – {t.dateTime(a.windowEnd)})
                </p>
              </Banner>
            ))
          )}
        </SectionCard>
        <SectionCard title={t("incidents.assess.title")}>
          <Text as="p" tone="subdued">
            {t("incidents.assess.help")}
          </Text>
          {/* A new window in the URL (an alert's "Assess this window", back/forward) refills the inputs. */}
          <WindowForm key={`${from}|${to}`} shown={{ from, to }} onAssess={set} />
          <ErrorBanner
            title={t("incidents.assess.checkWindow")}
            message={windowError ? t(`incidents.window.${windowError}`, { days: MAX_WINDOW_DAYS }) : null}
          />
          {assessment ? (
            <BlockStack gap="300">
              <Text as="h3" variant="headingSm">
                {t("incidents.assess.summary", {
                  from: t.dateTime(assessment.from),
                  to: t.dateTime(assessment.to),
                  conversations: assessment.conversations.count,
                  shoppers: assessment.shoppers.count,
                })}
              </Text>
              {assessment.dataKinds.length === 0 ? (
                <Text as="p">{t("incidents.assess.nothing")}</Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "numeric"]}
                  headings={[t("incidents.assess.dataTouched"), t("analytics.count")]}
                  rows={assessment.dataKinds.map((k) => [dataKindLabel(k.kind, t), t.number(k.count)])}
                />
              )}
              {assessment.staffActions.length > 0 ? (
                <DataTable
                  columnContentTypes={["text", "text", "numeric"]}
                  headings={[t("incidents.assess.staffAction"), t("incidents.assess.staffId"), t("analytics.count")]}
                  rows={assessment.staffActions.map((s) => [actionLabel(s.action, t), s.actor, s.count])}
                />
              ) : null}
              {assessment.shoppers.hashes.length > 0 ? (
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    {t("incidents.assess.shoppers")}
                  </Text>
                  <List>
                    {assessment.shoppers.hashes.map((h) => (
                      <List.Item key={`${h.kind}:${h.hash}`}>
                        <Text as="span" breakWord>
                          {t(`incidents.hashKind.${h.kind}`)}: <code>{h.hash}</code>
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              ) : null}
              {assessment.conversations.ids.length > 0 ? (
                <Text as="p" tone="subdued" breakWord>
                  {t("incidents.assess.conversationIds", { ids: assessment.conversations.ids.join(", ") })}
                </Text>
              ) : null}
            </BlockStack>
          ) : null}
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}

/**
 * The window's two inputs, in the shop's time zone (named under each input); the URL
 * keeps UTC instants (app/incidents/incident-window.ts).
 */
function WindowForm({ shown, onAssess }: { shown: WindowInputs; onAssess: (params: { from?: string; to?: string }) => void }) {
  const t = useT();
  const [inputs, setInputs] = useState(() => windowInputsOf(shown, t.timeZone));
  const zone = t("incidents.assess.zone", { zone: t.timeZone });
  return (
    <Form
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        onAssess(windowParamsOf(inputs, shown, t.timeZone));
      }}
    >
      <InlineStack gap="300" blockAlign="start" wrap>
        {(["from", "to"] as const).map((bound) => (
          <TextField
            key={bound}
            label={t(`incidents.assess.${bound}`)}
            type="datetime-local"
            name={bound}
            autoComplete="off"
            value={inputs[bound]}
            onChange={(value) => setInputs((old) => ({ ...old, [bound]: value }))}
            helpText={zone}
          />
        ))}
        <div className="psa-assess-button">
          <Button submit>{t("incidents.assess.button")}</Button>
        </div>
      </InlineStack>
    </Form>
  );
}
