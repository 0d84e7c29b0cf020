// Knowledge base: the merchant's FAQ (search, create, edit, delete) and the store
// policies as the assistant reads them from Shopify (with a refresh).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Text, TextField } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { applyFaqAction, faqActionSchema, loadKnowledgePage } from "../knowledge/admin/knowledge-admin.server";
import { AdminPage, ErrorBanner } from "../admin-ui/admin-page";
import { EmptyNotice } from "../admin-ui/empty";
import { ConfirmModal, useToast, useToastOnResult } from "../admin-ui/app-bridge";
import { useT } from "../admin-ui/i18n/i18n";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Knowledge base · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return json({ query, ...(await loadKnowledgePage({ db: adminDeps().db, admin: adminGraphqlOf(admin) }, session.shop, query)) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = faqActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    // Which fields are wrong; the page says what to write in the merchant's language.
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
    return json({ ok: false as const, intent: null, message: "Check the highlighted fields." as string, fieldErrors }, { status: 400 });
  }
  const { db, audit } = adminDeps();
  const result = await applyFaqAction(
    { db, audit },
    { shop: session.shop, staff: await staffOf({ session, sessionToken }), action: parsed.data },
  );
  if (!result.ok)
    return json(
      { ok: false as const, intent: parsed.data.intent, message: result.message, fieldErrors: {} as Record<string, string> },
      { status: 404 },
    );
  return json({ ok: true as const, intent: parsed.data.intent, message: null, fieldErrors: {} as Record<string, string> });
};

type FaqResult = ReturnType<typeof useActionData<typeof action>>;

/** The merchant's words for why the policies could not be read (app/infra/shopify/admin-query.ts codes). */
function adminApiProblemKey(code: string) {
  if (code === "ADMIN_API_ACCESS_DENIED") return "adminApi.ADMIN_API_ACCESS_DENIED" as const;
  if (code === "ADMIN_API_BAD_RESPONSE") return "adminApi.ADMIN_API_BAD_RESPONSE" as const;
  return "adminApi.ADMIN_API_UNAVAILABLE" as const;
}

function FaqEditor({
  entry,
  result,
  onCancel,
}: {
  entry?: { id: string; question: string; answer: string };
  result: FaqResult;
  onCancel?: () => void;
}) {
  const t = useT();
  const [question, setQuestion] = useState(entry?.question ?? "");
  const [answer, setAnswer] = useState(entry?.answer ?? "");
  const navigation = useNavigation();
  const intent = entry ? "update" : "create";
  const saving =
    navigation.state !== "idle" && navigation.formData?.get("intent") === intent && (!entry || navigation.formData?.get("id") === entry.id);
  // Errors belong to the editor that was submitted.
  const mine =
    result && !result.ok && result.intent === null && result.fieldErrors && lastIntent.current === `${intent}:${entry?.id ?? ""}`;
  const errors = mine ? result.fieldErrors : {};
  const fieldError = (name: "question" | "answer") => (errors[name] ? t(`fieldError.faq.${name}`) : undefined);
  return (
    <Form
      method="post"
      onSubmit={() => {
        lastIntent.current = `${intent}:${entry?.id ?? ""}`;
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <BlockStack gap="300">
        <TextField
          label={t("knowledge.question")}
          name="question"
          autoComplete="off"
          value={question}
          onChange={setQuestion}
          error={fieldError("question")}
          helpText={t("knowledge.question.help")}
        />
        <TextField
          label={t("knowledge.answer")}
          name="answer"
          autoComplete="off"
          multiline={3}
          value={answer}
          onChange={setAnswer}
          error={fieldError("answer")}
          helpText={t("knowledge.answer.help")}
        />
        <InlineStack gap="200">
          <Button submit variant="primary" loading={saving}>
            {entry ? t("knowledge.saveAnswer") : t("knowledge.add")}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t("common.cancel")}</Button> : null}
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

// Which editor posted last (the action's answer carries no editor id for a failed parse).
const lastIntent = { current: "" };

export default function Knowledge() {
  const { faqs, totalFaqs, policies, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(query);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; question: string } | null>(null);
  const submit = useSubmit();
  const revalidator = useRevalidator();
  // A refresh the merchant asked for: its toast shows once the data is back.
  const refreshing = useRef(false);
  useToastOnResult(result, (r) => {
    if (!r.ok) return r.intent === null ? null : { text: t("knowledge.notFound"), isError: true };
    if (r.intent === "update") setEditing(null);
    return { text: t(r.intent === "create" ? "knowledge.added" : r.intent === "update" ? "knowledge.updated" : "knowledge.deleted") };
  });
  useEffect(() => {
    if (refreshing.current && revalidator.state === "idle") {
      refreshing.current = false;
      toast(t("knowledge.refreshed"));
    }
  }, [revalidator.state, toast, t]);
  const refresh = () => {
    refreshing.current = true;
    revalidator.revalidate();
  };
  const reloading = revalidator.state === "loading";
  const confirmDelete = () => {
    if (!deleting) return;
    submit({ intent: "delete", id: deleting.id }, { method: "post" });
    setDeleting(null);
  };
  const notSaved = result && !result.ok ? (result.intent === null ? t("settings.invalidBody") : t("knowledge.notFound")) : null;
  return (
    <AdminPage
      title={t("knowledge.title")}
      subtitle={t("knowledge.subtitle")}
      secondaryActions={[{ content: t("common.refresh"), onAction: refresh, loading: reloading }]}
    >
      <ConfirmModal
        id="delete-faq-modal"
        open={deleting !== null}
        title={t("knowledge.deleteTitle")}
        body={t("knowledge.deleteBody", { question: deleting?.question ?? "" })}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
      <Layout>
        <Layout.Section>
          <ErrorBanner title={t("knowledge.notSaved")} message={notSaved} />
        </Layout.Section>
        <SectionCard title={t("knowledge.faq", { count: totalFaqs })} gap="400">
          <Form
            method="get"
            onSubmit={(e) => {
              e.preventDefault();
              const next = new URLSearchParams(params);
              if (search) next.set("q", search);
              else next.delete("q");
              setParams(next);
            }}
          >
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <TextField
                  label={t("knowledge.search")}
                  name="q"
                  autoComplete="off"
                  value={search}
                  onChange={setSearch}
                  clearButton
                  onClearButtonClick={() => {
                    setSearch("");
                    setParams(new URLSearchParams());
                  }}
                />
              </div>
              <Button submit>{t("knowledge.searchButton")}</Button>
            </InlineStack>
          </Form>
          {faqs.length === 0 ? (
            <EmptyNotice heading={totalFaqs === 0 ? t("knowledge.emptyHeading") : t("knowledge.noMatchHeading")}>
              <p>{totalFaqs === 0 ? t("knowledge.emptyBody") : t("knowledge.noMatchBody")}</p>
            </EmptyNotice>
          ) : (
            faqs.map((entry) => (
              <Card key={entry.id} background="bg-surface-secondary">
                {editing === entry.id ? (
                  <FaqEditor entry={entry} result={result} onCancel={() => setEditing(null)} />
                ) : (
                  <BlockStack gap="200">
                    <Text as="h3" variant="headingSm" breakWord>
                      {entry.question}
                    </Text>
                    <Text as="p" breakWord>
                      {entry.answer}
                    </Text>
                    <InlineStack gap="200">
                      <Button onClick={() => setEditing(entry.id)} accessibilityLabel={`${t("common.edit")}: ${entry.question}`}>
                        {t("common.edit")}
                      </Button>
                      <Button
                        tone="critical"
                        variant="secondary"
                        onClick={() => setDeleting({ id: entry.id, question: entry.question })}
                        accessibilityLabel={t("knowledge.deleteLabel", { question: entry.question })}
                      >
                        {t("common.delete")}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                )}
              </Card>
            ))
          )}
          <Text as="h3" variant="headingSm">
            {t("knowledge.addHeading")}
          </Text>
          <FaqEditor key={totalFaqs} result={result} />
        </SectionCard>
        <SectionCard
          title={t("knowledge.policies")}
          variant="oneThird"
          aside={
            <Button onClick={refresh} loading={reloading}>
              {t("common.refresh")}
            </Button>
          }
        >
          <Text as="p" tone="subdued">
            {t("knowledge.policiesHelp")}
          </Text>
          {!policies.ok ? (
            <Banner tone="warning" title={t("knowledge.policiesFailed")}>
              <p>{t("knowledge.policiesFailedBody", { message: t(adminApiProblemKey(policies.code)) })}</p>
            </Banner>
          ) : policies.items.length === 0 ? (
            <EmptyNotice heading={t("knowledge.noPolicies")}>
              <p>{t("knowledge.noPoliciesBody")}</p>
            </EmptyNotice>
          ) : (
            policies.items.map((p) => (
              <BlockStack key={p.type} gap="100">
                <Text as="h3" variant="headingSm">
                  {p.title}
                </Text>
                <Text as="p" tone="subdued" breakWord>
                  {p.excerpt}
                </Text>
              </BlockStack>
            ))
          )}
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}
