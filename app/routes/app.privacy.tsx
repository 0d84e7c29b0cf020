// Privacy settings: every setting with a one-line explanation; saved with zod
// validation and field errors; every change audited (saveSettings).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Layout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps, modelProvider } from "../admin/context.server";
import { AdminPage } from "../admin/ui/admin-page";
import { SettingsBanner } from "../admin/ui/settings-banner";
import { handleSettingsForm } from "../settings/settings-action.server";
import { privacyFormToPatch } from "../settings/settings-forms";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Privacy · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  return json({ privacy: settings.privacy, access: settings.access, provider: modelProvider(true) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const patch = privacyFormToPatch(await request.formData());
  return json(await handleSettingsForm({ session, admin, sessionToken }, patch));
};

export default function PrivacySettings() {
  const { privacy, access, provider } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const [v, setV] = useState({
    ...privacy,
    retentionDays: String(privacy.retentionDays),
    ownerOnlyTranscripts: access.ownerOnlyTranscripts,
    transcriptViewers: access.transcriptViewers.join(", "),
  });
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));
  const check = (name: "consentRequired" | "keepTranscripts" | "redactEmails" | "redactPhones" | "orderLookup" | "aiEnabled" | "ownerOnlyTranscripts", label: string, help: string) => (
    <Checkbox name={name} value="on" label={label} helpText={help} checked={v[name]} onChange={set(name)} error={errors[`privacy.${name}`] ?? errors[`access.${name}`]} />
  );
  return (
    <AdminPage title="Privacy" subtitle={`Notice version ${privacy.noticeVersion}: shoppers are asked again when the notice or disclosure changes.`}>
      <Form method="post">
        <Layout>
          <Layout.Section>
            <SettingsBanner result={result} />
          </Layout.Section>
          <Layout.AnnotatedSection title="What shoppers are told" description="Shown in the chat before anything is stored.">
            <Card>
              <BlockStack gap="400">
                <TextField label="AI disclosure" name="aiDisclosure" multiline={2} autoComplete="off" value={v.aiDisclosure} onChange={set("aiDisclosure")} error={errors["privacy.aiDisclosure"]} helpText="Tells shoppers they are talking to an AI and that a person can help." />
                <TextField label="Privacy notice" name="privacyNotice" multiline={3} autoComplete="off" value={v.privacyNotice} onChange={set("privacyNotice")} error={errors["privacy.privacyNotice"]} helpText="What you keep, why, and for how long; shoppers accept it before chatting." />
                <TextField label="Privacy policy link" name="privacyPolicyUrl" type="url" autoComplete="off" value={v.privacyPolicyUrl} onChange={set("privacyPolicyUrl")} error={errors["privacy.privacyPolicyUrl"]} helpText="The full policy the notice links to (https://…); leave empty for no link." />
                {check("consentRequired", "Ask for consent before storing anything", "Shoppers must accept the notice before the conversation is saved.")}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="What is kept" description="Stored encrypted; deleted after the retention period.">
            <Card>
              <BlockStack gap="400">
                {check("keepTranscripts", "Keep transcripts", "When off, answers are given but conversations are not saved.")}
                <TextField label="Retention (days)" name="retentionDays" type="number" min={1} max={730} autoComplete="off" value={v.retentionDays} onChange={set("retentionDays")} error={errors["privacy.retentionDays"]} helpText="Conversations and leads older than this are deleted every day." />
                {check("redactEmails", "Remove email addresses from transcripts", "Emails in messages are replaced with [email] before storage and before the model sees them.")}
                {check("redactPhones", "Remove phone numbers from transcripts", "Phone numbers in messages are replaced with [phone]. Card numbers are always removed.")}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Orders" description="Shoppers only ever see their own orders.">
            <Card>
              <BlockStack gap="400">
                {check("orderLookup", "Let shoppers ask about their orders", "The assistant can show status and tracking of an order the shopper proves is theirs.")}
                <Select label="How shoppers prove an order is theirs" name="orderVerification" value={v.orderVerification} onChange={(value) => set("orderVerification")(value as typeof v.orderVerification)} error={errors["privacy.orderVerification"]}
                  options={[{ label: "Logged-in customers only", value: "logged_in" }, { label: "Logged in, or order number plus email", value: "logged_in_or_email" }]}
                  helpText="Order number plus email lets guests check an order; failed attempts are rate limited." />
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="The AI model" description={`Provider: ${provider.name}${provider.host ? ` (${provider.host})` : ""}.`}>
            <Card>
              <BlockStack gap="200">
                {check("aiEnabled", "Send questions to the model provider", "The redacted question, product and policy facts and the verified order go to the provider; turn off for basic mode.")}
                <Text as="p" tone="subdued">{provider.reason}</Text>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Staff access" description="Who may open conversation transcripts (every view is in the audit log).">
            <Card>
              <BlockStack gap="400">
                {check("ownerOnlyTranscripts", "Only the shop owner may open transcripts", "Other staff see the list of conversations but not what was said.")}
                <TextField label="Staff allowed to open transcripts" name="transcriptViewers" autoComplete="off" value={v.transcriptViewers} onChange={set("transcriptViewers")} error={errors["access.transcriptViewers"]} helpText="Staff user ids, separated by commas; empty means every staff member with app access." />
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Button submit variant="primary" loading={saving}>Save privacy settings</Button>
          </Layout.Section>
        </Layout>
      </Form>
    </AdminPage>
  );
}
