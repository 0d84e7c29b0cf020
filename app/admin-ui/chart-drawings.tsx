// The chart drawings themselves, with Polaris Viz (about 130 kB of compressed
// JavaScript): loaded on their own (React.lazy in ./charts.tsx) once the Analytics page
// has rendered in the browser, so the page's first JavaScript stays small. Each
// drawing fills the fixed-height box its ChartFrame reserved, so nothing shifts.
import { BarChart, DonutChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
import { useT } from "./i18n/i18n";

export interface ChartPoint {
  key: string;
  /** The key as shown (a date in the merchant's language, a topic's name). */
  label: string;
  value: number;
}

const LABEL_WIDTH = 56;

/**
 * The day labels under a vertical bar chart. Polaris Viz draws no x-axis labels here
 * (its label layout comes out empty in this set-up), so they are placed under the
 * bars' own tick marks, as many as fit without overlapping (every bar has a tooltip
 * and a row in the data table).
 */
function useBarCenters(element: HTMLDivElement | null, count: number) {
  const [centers, setCenters] = useState<number[]>([]);
  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const svg = element.querySelector("svg[viewBox]");
      if (!svg) return;
      const viewWidth = Number(svg.getAttribute("viewBox")?.split(" ")[2] ?? 0);
      const scale = viewWidth ? svg.getBoundingClientRect().width / viewWidth : 1;
      const offsetLeft = svg.getBoundingClientRect().left - element.getBoundingClientRect().left;
      // Polaris Viz draws a tick under each empty bar: two of them give the bars' spacing.
      const known: [number, number][] = [];
      let shift = 0;
      for (const group of element.querySelectorAll<SVGGElement>('[data-type="BarGroup"]')) {
        const index = Number(group.getAttribute("data-index"));
        const tick = group.querySelector("line");
        const area = group.closest("mask")?.parentElement ?? group.parentElement?.closest("g[transform]");
        shift = Number(/translate\(([-\d.]+)/.exec(area?.getAttribute("transform") ?? "")?.[1] ?? shift);
        if (tick && Number.isInteger(index)) known.push([index, Number(tick.getAttribute("x1") ?? 0)]);
      }
      let first: number;
      let step: number;
      if (known.length >= 2) {
        const [a, b] = [known[0]!, known[known.length - 1]!];
        step = b[0] === a[0] ? 0 : (b[1] - a[1]) / (b[0] - a[0]);
        first = a[1] - a[0] * step;
      } else {
        step = (viewWidth - shift) / Math.max(count, 1);
        first = step / 2;
      }
      const next = Array.from({ length: count }, (_, index) => offsetLeft + (shift + first + index * step) * scale);
      if (next.length === count && next.every((x) => Number.isFinite(x))) setCenters((old) => (old.join() === next.join() ? old : next));
    };
    measure();
    const observer = new MutationObserver(measure);
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["x1", "transform", "viewBox", "width"],
    });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      observer.disconnect();
      resize.disconnect();
    };
  }, [element, count]);
  return centers;
}

/** Bars with their axis titles and day labels, in a box `height` (+44 for the labels) high. */
export function BarsDrawing({
  points,
  keyHeading,
  valueHeading,
  horizontal,
  height,
}: {
  points: ChartPoint[];
  keyHeading: string;
  valueHeading: string;
  horizontal: boolean;
  height: number;
}) {
  const t = useT();
  const labels = new Map(points.map((p) => [p.key, p.label]));
  // A callback ref: the chart mounts after hydration, later than this component.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const centers = useBarCenters(box, horizontal ? 0 : points.length);
  const step = centers.length > 1 ? (centers[centers.length - 1]! - centers[0]!) / (centers.length - 1) : LABEL_WIDTH;
  const every = Math.max(1, Math.ceil(LABEL_WIDTH / Math.max(step, 1)));
  return (
    <PolarisVizProvider>
      <div style={{ display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", gridTemplateRows: `${height}px auto auto`, gap: 4 }}>
        <div style={{ writingMode: "vertical-rl", transform: "rotate(180deg)", textAlign: "center", fontSize: 12, color: "#616161" }}>
          {horizontal ? keyHeading : valueHeading}
        </div>
        <div ref={setBox} style={{ position: "relative" }}>
          <BarChart
            data={[{ name: valueHeading, data: points.map((p) => ({ key: p.key, value: p.value })) }]}
            direction={horizontal ? "horizontal" : "vertical"}
            showLegend={false}
            theme="Light"
            isAnimated={false}
            xAxisOptions={{
              labelFormatter: (value) => (horizontal ? t.number(Number(value)) : (labels.get(String(value)) ?? String(value))),
            }}
            yAxisOptions={{
              integersOnly: true,
              labelFormatter: (value) => (horizontal ? (labels.get(String(value)) ?? String(value)) : t.number(Number(value))),
            }}
          />
        </div>
        <div />
        {horizontal ? (
          <div />
        ) : (
          <div style={{ position: "relative", height: 16, fontSize: 11, color: "#616161" }}>
            {centers.map((left, index) =>
              index % every === (centers.length - 1) % every ? (
                <span key={points[index]!.key} style={{ position: "absolute", left, transform: "translateX(-50%)", whiteSpace: "nowrap" }}>
                  {points[index]!.label}
                </span>
              ) : null,
            )}
          </div>
        )}
        <div />
        <div style={{ textAlign: "center", fontSize: 12, color: "#616161" }}>{horizontal ? valueHeading : keyHeading}</div>
      </div>
    </PolarisVizProvider>
  );
}

export function DonutDrawing({ points }: { points: ChartPoint[] }) {
  const t = useT();
  return (
    <PolarisVizProvider>
      <DonutChart
        data={points.filter((p) => p.value > 0).map((p) => ({ name: p.label, data: [{ key: p.label, value: p.value }] }))}
        theme="Light"
        isAnimated={false}
        showLegend
        showLegendValues
        legendPosition="bottom"
        labelFormatter={(value) => t.number(Number(value))}
      />
    </PolarisVizProvider>
  );
}
