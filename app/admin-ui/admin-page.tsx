// Every admin page: a Polaris Page that shows a loading skeleton while Remix loads
// a different page, and the banners of a failed action.
import { useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, SkeletonBodyText, SkeletonDisplayText, SkeletonPage, Card } from "@shopify/polaris";
import type { ComponentProps, ReactNode } from "react";

type PageProps = ComponentProps<typeof Page>;

export function AdminPage({ children, ...props }: PageProps & { children: ReactNode }) {
  const navigation = useNavigation();
  const location = useLocation();
  if (navigation.state === "loading" && navigation.location.pathname !== location.pathname) {
    return (
      <SkeletonPage title={props.title} primaryAction>
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <SkeletonDisplayText size="small" />
                <SkeletonBodyText lines={6} />
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </SkeletonPage>
    );
  }
  return <Page {...props}>{children}</Page>;
}

export function ErrorBanner({ title, message }: { title?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Banner tone="critical" title={title ?? "Something went wrong"}>
      <p>{message}</p>
    </Banner>
  );
}

/** Exports and downloads while the assistant is paused for an incident: why they are off. */
export function PausedBanner({ paused, title, then }: { paused: boolean; title: string; then: string }) {
  if (!paused) return null;
  return (
    <Banner tone="warning" title={title}>
      <p>The assistant is paused for an incident. Resume it on the Incidents page to {then}.</p>
    </Banner>
  );
}
