// Charts of the admin with Polaris Viz: labelled axes, tooltips, the numbers also as
// a data table (a disclosure under each chart, read by screen readers too), and an
// empty state. Polaris Viz measures the page, so charts render in the browser only;
// the server (and a browser before hydration) shows the table's skeleton.
import { BarChart, DonutChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { BlockStack, Box, DataTable, SkeletonBodyText, Text } from "@shopify/polaris";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "../i18n/i18n";

export interface ChartPoint {
  key: string;
  /** The key as shown (a date in the merchant's language, a topic's name). */
  label: string;
  value: number;
}

function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

export function ChartsProvider({ children }: { children: ReactNode }) {
  return <PolarisVizProvider>{children}</PolarisVizProvider>;
}

interface ChartFrameProps {
  title: string;
  points: ChartPoint[];
  keyHeading: string;
  valueHeading: string;
  empty: string;
  height?: number;
  children: ReactNode;
}

/** A chart's heading, its drawing (or its empty state) and its data table. */
function ChartFrame({ title, points, keyHeading, valueHeading, empty, height = 260, children }: ChartFrameProps) {
  const t = useT();
  const mounted = useMounted();
  const hasData = points.some((p) => p.value > 0);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <BlockStack gap="300">
        <figcaption>
          <Text as="h3" variant="headingSm">{title}</Text>
        </figcaption>
        {!hasData ? (
          <Box padding="400" background="bg-surface-secondary" borderRadius="200">
            <Text as="p" tone="subdued" alignment="center">{empty}</Text>
          </Box>
        ) : mounted ? (
          <div style={{ height }} aria-hidden="true">{children}</div>
        ) : (
          <div style={{ height }}><SkeletonBodyText lines={6} /></div>
        )}
        {hasData ? (
          <details>
            <summary style={{ cursor: "pointer" }}>
              <Text as="span" tone="subdued">{t("analytics.dataTable", { title })}</Text>
            </summary>
            <DataTable columnContentTypes={["text", "numeric"]} headings={[keyHeading, valueHeading]}
              rows={points.map((p) => [p.label, t.number(p.value)])} />
          </details>
        ) : null}
      </BlockStack>
    </figure>
  );
}

interface BarsProps {
  title: string;
  points: ChartPoint[];
  /** The axis titles: what the bars are (x) and what they count (y). */
  keyHeading: string;
  valueHeading: string;
  empty: string;
  horizontal?: boolean;
}

export function Bars({ title, points, keyHeading, valueHeading, empty, horizontal = false }: BarsProps) {
  const t = useT();
  const labels = new Map(points.map((p) => [p.key, p.label]));
  const height = horizontal ? Math.max(160, points.length * 44 + 40) : 260;
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={height + 24}>
      <div style={{ display: "grid", gridTemplateColumns: "auto 1fr", gridTemplateRows: `${height}px auto`, gap: 4 }}>
        <div style={{ writingMode: "vertical-rl", transform: "rotate(180deg)", textAlign: "center", fontSize: 12, color: "#616161" }}>
          {horizontal ? keyHeading : valueHeading}
        </div>
        <BarChart
          data={[{ name: valueHeading, data: points.map((p) => ({ key: p.key, value: p.value })) }]}
          direction={horizontal ? "horizontal" : "vertical"}
          showLegend={false}
          theme="Light"
          isAnimated={false}
          xAxisOptions={{ labelFormatter: (value) => (horizontal ? t.number(Number(value)) : labels.get(String(value)) ?? String(value)) }}
          yAxisOptions={{ integersOnly: true, labelFormatter: (value) => (horizontal ? labels.get(String(value)) ?? String(value) : t.number(Number(value))) }}
        />
        <div />
        <div style={{ textAlign: "center", fontSize: 12, color: "#616161" }}>{horizontal ? valueHeading : keyHeading}</div>
      </div>
    </ChartFrame>
  );
}

export function Donut({ title, points, keyHeading, valueHeading, empty }: Omit<BarsProps, "horizontal">) {
  const t = useT();
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={300}>
      <DonutChart
        data={points.map((p) => ({ name: p.label, data: [{ key: p.label, value: p.value }] }))}
        theme="Light"
        isAnimated={false}
        showLegend
        showLegendValues
        legendPosition="bottom"
        labelFormatter={(value) => t.number(Number(value))}
      />
    </ChartFrame>
  );
}
