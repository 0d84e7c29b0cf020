// A small accessible SVG bar chart (no chart library): a labelled <figure> whose
// data is also given as a visually hidden table for screen readers.
import { Text } from "@shopify/polaris";

export interface Bar {
  label: string;
  value: number;
}

const HEIGHT = 160;

export function BarChart({ title, bars, valueLabel }: { title: string; bars: Bar[]; valueLabel: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = Math.max(bars.length * 14, 280);
  const barWidth = width / Math.max(bars.length, 1);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
      </figcaption>
      <svg role="img" aria-label={`${title}: bar chart`} viewBox={`0 0 ${width} ${HEIGHT + 20}`} width="100%" height={HEIGHT + 20} preserveAspectRatio="none">
        <line x1={0} y1={HEIGHT} x2={width} y2={HEIGHT} stroke="#8a8a8a" strokeWidth={1} />
        {bars.map((bar, i) => {
          const h = (bar.value / max) * (HEIGHT - 10);
          return (
            <rect key={bar.label} x={i * barWidth + barWidth * 0.15} y={HEIGHT - h} width={barWidth * 0.7} height={h} fill="#3f67d4">
              <title>{`${bar.label}: ${bar.value} ${valueLabel}`}</title>
            </rect>
          );
        })}
        {bars.length > 0 ? (
          <>
            <text x={0} y={HEIGHT + 15} fontSize={10} fill="#616161">{bars[0]!.label}</text>
            <text x={width} y={HEIGHT + 15} fontSize={10} fill="#616161" textAnchor="end">{bars[bars.length - 1]!.label}</text>
          </>
        ) : null}
      </svg>
      <table className="Polaris-Text--visuallyHidden" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">Label</th><th scope="col">{valueLabel}</th></tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}><td>{bar.label}</td><td>{bar.value}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
