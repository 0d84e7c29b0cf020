// Privacy settings: every setting with a one-line explanation; saved with zod
// validation and field errors; every change audited (saveSettings).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Select, Text } from "@shopify/polaris";
import { adminDeps, modelProvider, staffOf } from "../composition/admin-context.server";
import { fieldErrorsOf, SettingCheckbox, SettingsFormPage, SettingsSection, SettingTextField, useFormValues } from "../admin-ui/settings-form";
import { handleSettingsForm } from "../settings/admin/settings-action.server";
import { privacyFormToPatch } from "../settings/admin/settings-forms";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Privacy · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  return json({ privacy: settings.privacy, access: settings.access, provider: modelProvider(true) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const patch = privacyFormToPatch(await request.formData());
  const auth = { session, admin, sessionToken };
  return json(await handleSettingsForm({ ...adminDeps(), staff: await staffOf(auth) }, auth, patch));
};

export default function PrivacySettings() {
  const { privacy, access, provider } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrorsOf(result);
  const form = useFormValues({
    ...privacy,
    retentionDays: String(privacy.retentionDays),
    ownerOnlyTranscripts: access.ownerOnlyTranscripts,
    transcriptViewers: access.transcriptViewers.join(", "),
  });
  const check = (name: "consentRequired" | "keepTranscripts" | "redactEmails" | "redactPhones" | "orderLookup" | "aiEnabled" | "ownerOnlyTranscripts", label: string, help: string) => (
    <SettingCheckbox form={form} name={name} label={label} help={help} error={errors[`privacy.${name}`] ?? errors[`access.${name}`]} />
  );
  return (
    <SettingsFormPage title="Privacy" subtitle={`Notice version ${privacy.noticeVersion}: shoppers are asked again when the notice or disclosure changes.`} result={result} saveLabel="Save privacy settings">
      <SettingsSection title="What shoppers are told" description="Shown in the chat before anything is stored.">
        <SettingTextField form={form} name="aiDisclosure" label="AI disclosure" multiline={2} error={errors["privacy.aiDisclosure"]} help="Tells shoppers they are talking to an AI and that a person can help." />
        <SettingTextField form={form} name="privacyNotice" label="Privacy notice" multiline={3} error={errors["privacy.privacyNotice"]} help="What you keep, why, and for how long; shoppers accept it before chatting." />
        <SettingTextField form={form} name="privacyPolicyUrl" label="Privacy policy link" type="url" error={errors["privacy.privacyPolicyUrl"]} help="The full policy the notice links to (https://…); leave empty for no link." />
        {check("consentRequired", "Ask for consent before storing anything", "Shoppers must accept the notice before the conversation is saved.")}
      </SettingsSection>
      <SettingsSection title="What is kept" description="Stored encrypted; deleted after the retention period.">
        {check("keepTranscripts", "Keep transcripts", "When off, answers are given but conversations are not saved.")}
        <SettingTextField form={form} name="retentionDays" label="Retention (days)" type="number" min={1} max={730} error={errors["privacy.retentionDays"]} help="Conversations and leads older than this are deleted every day." />
        {check("redactEmails", "Remove email addresses from transcripts", "Emails in messages are replaced with [email] before storage and before the model sees them.")}
        {check("redactPhones", "Remove phone numbers from transcripts", "Phone numbers in messages are replaced with [phone]. Card numbers are always removed.")}
      </SettingsSection>
      <SettingsSection title="Orders" description="Shoppers only ever see their own orders.">
        {check("orderLookup", "Let shoppers ask about their orders", "The assistant can show status and tracking of an order the shopper proves is theirs.")}
        <Select label="How shoppers prove an order is theirs" name="orderVerification" value={form.values.orderVerification} onChange={(value) => form.set("orderVerification")(value as typeof form.values.orderVerification)} error={errors["privacy.orderVerification"]}
          options={[{ label: "Logged-in customers only", value: "logged_in" }, { label: "Logged in, or order number plus email", value: "logged_in_or_email" }]}
          helpText="Order number plus email lets guests check an order; failed attempts are rate limited." />
      </SettingsSection>
      <SettingsSection title="The AI model" description={`Provider: ${provider.name}${provider.host ? ` (${provider.host})` : ""}.`} gap="200">
        {check("aiEnabled", "Send questions to the model provider", "The redacted question, product and policy facts and the verified order go to the provider; turn off for basic mode.")}
        <Text as="p" tone="subdued">{provider.reason}</Text>
      </SettingsSection>
      <SettingsSection title="Staff access" description="Who may open conversation transcripts (every view is in the audit log).">
        {check("ownerOnlyTranscripts", "Only the shop owner may open transcripts", "Other staff see the list of conversations but not what was said.")}
        <SettingTextField form={form} name="transcriptViewers" label="Staff allowed to open transcripts" error={errors["access.transcriptViewers"]} help="Staff user ids, separated by commas; empty means every staff member with app access." />
      </SettingsSection>
    </SettingsFormPage>
  );
}
