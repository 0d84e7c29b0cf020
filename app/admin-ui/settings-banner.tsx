// The outcome of a settings save as Polaris banners.
import { Banner } from "@shopify/polaris";
import type { SettingsActionData } from "../settings/admin/settings-action.server";

export function SettingsBanner({ result }: { result: SettingsActionData | undefined }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <Banner tone="critical" title={result.message}>
        <p>Nothing was saved. Fix the fields marked below and save again.</p>
      </Banner>
    );
  }
  if (!result.published) {
    return (
      <Banner tone="warning" title="Saved, but the storefront widget was not updated">
        <p>{result.publishMessage} Save again in a moment to retry.</p>
      </Banner>
    );
  }
  return (
    <Banner tone="success" title={result.changed.length ? "Settings saved" : "No changes"}>
      <p>{result.changed.length ? "The storefront widget uses the new settings from the next page view." : "Everything was already saved."}</p>
    </Banner>
  );
}
