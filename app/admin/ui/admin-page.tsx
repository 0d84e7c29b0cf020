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
