// One transcript, as stored (redacted before storage), decrypted on the server.
// Viewing is audited; staff access follows settings.access. Words come from the
// admin's dictionary and times are shown in the shop's time zone (useT).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { viewTranscript } from "../conversations/admin/conversations.server";
import { transcriptParamsSchema } from "../conversations/admin/transcript-params.server";
import { AdminPage } from "../admin-ui/admin-page";
import { EmptyNotice } from "../admin-ui/empty";
import { SectionCard } from "../admin-ui/section-card";
import { useT, type Translator } from "../admin-ui/i18n/i18n";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Conversation · Shop assistant" }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = transcriptParamsSchema.safeParse(params);
  if (!parsed.success) return json({ ok: false as const, code: "TRANSCRIPT_NOT_FOUND" as const }, { status: 404 });
  const staff = await staffOf({ session, sessionToken });
  const result = await viewTranscript(adminDeps(), { shop: session.shop, staff, conversationId: parsed.data.id });
  // The page says why in the merchant's language, from the code alone.
  if (!result.ok) return json({ ok: false as const, code: result.code }, { status: result.code === "TRANSCRIPT_FORBIDDEN" ? 403 : 404 });
  return json(result);
};

/** "accepted", "not required", … in the merchant's language; an unknown state as it is. */
const consentLabel = (state: string, t: Translator) =>
  t.has(`conversations.consent.${state}`) ? t(`conversations.consent.${state}` as "conversations.consent.accepted") : state;

const outcomeLabel = (outcome: string, t: Translator) =>
  t.has(`analytics.outcome.${outcome}`) ? t(`analytics.outcome.${outcome}` as "analytics.outcome.open") : outcome;

const topicLabel = (topic: string, t: Translator) =>
  t.has(`analytics.topic.${topic}`) ? t(`analytics.topic.${topic}` as "analytics.topic.other") : t("analytics.topic.other");

const cardLabel = (kind: string, t: Translator) =>
  t.has(`transcript.card.${kind}`) ? t(`transcript.card.${kind}` as "transcript.card.product") : kind;

/** "de" → "German" (in the admin's language), through Intl. */
function languageName(tag: string | null, t: Translator): string {
  if (!tag) return t("transcript.languageUnknown");
  try {
    return new Intl.DisplayNames([t.locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export default function Transcript() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const back = { content: t("nav.conversations"), url: "/app/conversations" };
  if (!data.ok) {
    const forbidden = data.code === "TRANSCRIPT_FORBIDDEN";
    return (
      <AdminPage title={t("transcript.titleUnknown")} backAction={back}>
        <Banner
          tone={forbidden ? "warning" : "critical"}
          title={forbidden ? t("transcript.forbiddenTitle") : t("transcript.notFoundTitle")}
        >
          <p>{forbidden ? t("transcript.forbiddenBody") : t("transcript.notFoundBody")}</p>
        </Banner>
      </AdminPage>
    );
  }
  const { conversation, messages } = data.transcript;
  return (
    <AdminPage
      title={t("transcript.title", { date: t.dateTime(conversation.createdAt) })}
      backAction={back}
      titleMetadata={<Badge>{outcomeLabel(conversation.outcome, t)}</Badge>}
      subtitle={t("transcript.subtitle")}
    >
      <Layout>
        <Layout.Section>
          <Card>
            {messages.length === 0 ? (
              <EmptyNotice heading={t("transcript.emptyHeading")}>
                <p>{t("transcript.emptyBody")}</p>
              </EmptyNotice>
            ) : (
              <BlockStack gap="300">
                {messages.map((m) => (
                  <Box
                    key={m.id}
                    padding="300"
                    borderRadius="200"
                    background={m.role === "assistant" ? "bg-surface-secondary" : "bg-surface-info"}
                  >
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" fontWeight="semibold">
                          {m.role === "assistant" ? t("transcript.assistant") : t("transcript.shopper")}
                        </Text>
                        <Text as="span" tone="subdued">
                          <time dateTime={new Date(m.createdAt).toISOString()}>{t.dateTime(m.createdAt)}</time>
                        </Text>
                        {m.role === "assistant" && m.mode === "basic" ? <Badge tone="info">{t("analytics.mode.basic")}</Badge> : null}
                        {m.topic ? <Badge>{topicLabel(m.topic, t)}</Badge> : null}
                      </InlineStack>
                      {m.undecodable ? (
                        <Text as="p" tone="subdued">
                          {t("transcript.undecodable")}
                        </Text>
                      ) : (
                        <Text as="p" breakWord>
                          {m.text}
                        </Text>
                      )}
                      {m.cards.length > 0 ? (
                        <Text as="p" tone="subdued">
                          {t("transcript.shown", {
                            cards: t.list(m.cards.map((c) => t("transcript.cardShown", { kind: cardLabel(c.kind, t), title: c.title }))),
                          })}
                        </Text>
                      ) : null}
                    </BlockStack>
                  </Box>
                ))}
              </BlockStack>
            )}
          </Card>
        </Layout.Section>
        <SectionCard title={t("transcript.details")} variant="oneThird" gap="200">
          <Text as="p">
            {t("transcript.mode")}: {conversation.basicMode ? t("transcript.modeBasic") : t("conversations.ai")}
          </Text>
          <Text as="p">
            {t("conversations.consent")}: {consentLabel(conversation.consentState, t)}
          </Text>
          <Text as="p">
            {t("conversations.orderVerified")}: {conversation.orderVerified ? t("conversations.yes") : t("conversations.no")}
          </Text>
          <Text as="p">
            {t("transcript.language")}: {languageName(conversation.locale, t)}
          </Text>
          <Text as="p">
            {t("transcript.lastMessage")}: {t.dateTime(conversation.lastMessageAt)}
          </Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}
