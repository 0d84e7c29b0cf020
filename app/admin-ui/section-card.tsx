// A card with a heading, the admin's most common block (dashboard figures, set-up,
// transcript details, policies, incidents). `aside` sits beside the heading (a
// badge, a refresh button); as a Layout section it takes Polaris's column variants.
import { BlockStack, Card, InlineStack, Layout, Text } from "@shopify/polaris";
import type { ComponentProps, ReactNode } from "react";

type Gap = ComponentProps<typeof BlockStack>["gap"];

interface TitledCardProps {
  title: ReactNode;
  aside?: ReactNode;
  /** Space between the heading and the content; 300 unless told. */
  gap?: Gap;
  children: ReactNode;
}

export function TitledCard({ title, aside, gap = "300", children }: TitledCardProps) {
  const heading = (
    <Text as="h2" variant="headingMd">
      {title}
    </Text>
  );
  return (
    <Card>
      <BlockStack gap={gap}>
        {aside ? (
          <InlineStack gap="200" align="space-between" blockAlign="center">
            {heading}
            {aside}
          </InlineStack>
        ) : (
          heading
        )}
        {children}
      </BlockStack>
    </Card>
  );
}

export function SectionCard({ variant, ...card }: TitledCardProps & { variant?: ComponentProps<typeof Layout.Section>["variant"] }) {
  return (
    <Layout.Section variant={variant}>
      <TitledCard {...card} />
    </Layout.Section>
  );
}
