// Privacy settings: every setting with a one-line explanation; saved with zod
// validation and field errors; every change audited (saveSettings).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Select, Text } from "@shopify/polaris";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";
import { adminDeps, modelProvider, staffOf } from "../composition/admin-context.server";
import type { ComponentProps } from "react";
import {
  fieldErrorsOf,
  SettingCheckbox,
  SettingsFormPage,
  SettingsSection,
  SettingTextField,
  useFormValues,
} from "../admin-ui/settings-form";
import { useT } from "../admin-ui/i18n/i18n";
import { providerName, providerReason } from "../admin-ui/server-notices";
import { handleSettingsForm } from "../settings/admin/settings-action.server";
import { privacyFormToPatch } from "../settings/admin/settings-forms.server";
import { textLocalesFor } from "../settings/shop-locales";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Privacy · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  // Texts for each published storefront language but the primary one (read_locales).
  const languages = await textLocalesFor(adminGraphqlOf(admin), Object.keys(settings.privacy.localizedTexts));
  return json({ privacy: settings.privacy, access: settings.access, provider: modelProvider(true), languages });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  // Texts of languages the form did not carry (no longer published) are kept as saved.
  const saved = (await loadShopSettings(adminDeps().db, session.shop)).privacy.localizedTexts;
  const patch = privacyFormToPatch(await request.formData(), saved);
  const auth = { session, admin: adminGraphqlOf(admin), sessionToken };
  return json(await handleSettingsForm({ ...adminDeps(), staff: await staffOf(auth) }, auth, patch));
};

const LOCALIZED_FIELDS = ["greeting", "aiDisclosure", "privacyNotice"] as const;
type LocalizedFieldName = `text.${string}.${(typeof LOCALIZED_FIELDS)[number]}`;
type PrivacyFormFields = {
  [K in "aiDisclosure" | "privacyNotice" | "privacyPolicyUrl" | "retentionDays" | "orderVerification" | "transcriptViewers"]: string;
} & { [K in (typeof CHECKS)[number]]: boolean };

/** "de" in the merchant's language ("German", "Allemand"), else Shopify's name for it, else the code. */
function languageName(locale: string, shopifyName: string, adminLocale: string): string {
  try {
    const name = new Intl.DisplayNames([adminLocale], { type: "language" }).of(locale) ?? shopifyName;
    return name.charAt(0).toLocaleUpperCase(adminLocale) + name.slice(1);
  } catch {
    return shopifyName || locale;
  }
}

const CHECKS = [
  "consentRequired",
  "keepTranscripts",
  "redactEmails",
  "redactPhones",
  "orderLookup",
  "aiEnabled",
  "ownerOnlyTranscripts",
] as const;
type Check = (typeof CHECKS)[number];
const sectionOf = (name: string) => (name === "ownerOnlyTranscripts" || name === "transcriptViewers" ? "access" : "privacy");

export default function PrivacySettings() {
  const { privacy, access, provider, languages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = fieldErrorsOf(result, t);
  const localized: Record<LocalizedFieldName, string> = Object.fromEntries(
    languages.locales.flatMap(({ locale }) =>
      LOCALIZED_FIELDS.map((field) => [`text.${locale}.${field}`, privacy.localizedTexts[locale]?.[field] ?? ""]),
    ),
  );
  const form = useFormValues<Record<LocalizedFieldName, string> & PrivacyFormFields>({
    ...localized,
    aiDisclosure: privacy.aiDisclosure,
    privacyNotice: privacy.privacyNotice,
    privacyPolicyUrl: privacy.privacyPolicyUrl,
    consentRequired: privacy.consentRequired,
    keepTranscripts: privacy.keepTranscripts,
    retentionDays: String(privacy.retentionDays),
    redactEmails: privacy.redactEmails,
    redactPhones: privacy.redactPhones,
    orderLookup: privacy.orderLookup,
    orderVerification: privacy.orderVerification as string,
    aiEnabled: privacy.aiEnabled,
    ownerOnlyTranscripts: access.ownerOnlyTranscripts,
    transcriptViewers: access.transcriptViewers.join(", "),
  });
  const labels = Object.fromEntries(
    ["aiDisclosure", "privacyNotice", "privacyPolicyUrl", "retentionDays", "orderVerification", "transcriptViewers", ...CHECKS].map(
      (name) => [`${sectionOf(name)}.${name}`, t(`privacy.${name}` as "privacy.aiDisclosure")],
    ),
  );
  const error = (name: string) => errors[`${sectionOf(name)}.${name}`];
  const check = (name: Check) => (
    <SettingCheckbox form={form} name={name} label={t(`privacy.${name}`)} help={t(`privacy.${name}.help`)} error={error(name)} />
  );
  const text = (
    name: "aiDisclosure" | "privacyNotice" | "privacyPolicyUrl" | "retentionDays" | "transcriptViewers",
    extra: Omit<ComponentProps<typeof SettingTextField>, "form" | "name" | "label"> = {},
  ) => (
    <SettingTextField
      form={form}
      name={name}
      label={t(`privacy.${name}`)}
      help={t(`privacy.${name}.help`)}
      error={error(name)}
      {...extra}
    />
  );
  return (
    <SettingsFormPage
      title={t("privacy.title")}
      subtitle={t("privacy.subtitle", { version: privacy.noticeVersion })}
      form={form}
      result={result}
      saveLabel={t("privacy.save")}
      labels={labels}
    >
      <SettingsSection title={t("privacy.told.title")} description={t("privacy.told.description")}>
        {text("aiDisclosure", { multiline: 2 })}
        {text("privacyNotice", { multiline: 3 })}
        {text("privacyPolicyUrl", { type: "url" })}
        {check("consentRequired")}
      </SettingsSection>
      <SettingsSection title={t("privacy.languages.title")} description={t("privacy.languages.description")}>
        {!languages.read && (
          <Text as="p" tone="subdued">
            {t("privacy.languages.unread")}
          </Text>
        )}
        {languages.read && languages.locales.length === 0 && (
          <Text as="p" tone="subdued">
            {t("privacy.languages.none")}
          </Text>
        )}
        {languages.locales.map(({ locale, name }) => (
          <BlockStack key={locale} gap="200">
            <Text as="h3" variant="headingSm">
              {languageName(locale, name, t.locale)}
            </Text>
            {LOCALIZED_FIELDS.map((field) => (
              <SettingTextField
                key={field}
                form={form}
                name={`text.${locale}.${field}` as LocalizedFieldName}
                label={t(`privacy.languages.${field}`)}
                multiline={field === "greeting" ? 1 : 2}
                error={errors[`privacy.localizedTexts.${locale}.${field}`]}
              />
            ))}
          </BlockStack>
        ))}
      </SettingsSection>
      <SettingsSection title={t("privacy.kept.title")} description={t("privacy.kept.description")}>
        {check("keepTranscripts")}
        {text("retentionDays", { type: "number", min: 1, max: 730, inputMode: "numeric" })}
        {check("redactEmails")}
        {check("redactPhones")}
      </SettingsSection>
      <SettingsSection title={t("privacy.orders.title")} description={t("privacy.orders.description")}>
        {check("orderLookup")}
        <Select
          label={t("privacy.orderVerification")}
          name="orderVerification"
          value={form.values.orderVerification}
          onChange={form.set("orderVerification")}
          error={error("orderVerification")}
          options={[
            { label: t("privacy.orderVerification.logged_in"), value: "logged_in" },
            { label: t("privacy.orderVerification.logged_in_or_email"), value: "logged_in_or_email" },
          ]}
          helpText={t("privacy.orderVerification.help")}
        />
      </SettingsSection>
      <SettingsSection
        title={t("privacy.model.title")}
        description={t("privacy.model.description", { provider: providerName(provider, t) })}
        gap="200"
      >
        {check("aiEnabled")}
        <Text as="p" tone="subdued">
          {providerReason(provider, provider.reason, t)}
        </Text>
      </SettingsSection>
      <SettingsSection title={t("privacy.staff.title")} description={t("privacy.staff.description")}>
        {check("ownerOnlyTranscripts")}
        {text("transcriptViewers", { inputMode: "numeric" })}
      </SettingsSection>
    </SettingsFormPage>
  );
}
