import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The dashboard's charts (recharts), in their own chunk: the page's tables and figures render as
 * soon as their data arrive, and each chart fills its space once this chunk has loaded. No chart
 * animates: the figures are read, not watched.
 */
export interface Series {
  key: string;
  name: string;
  colour: string;
}

/** One bar per stage, largest first: participants → completers → certified → AI adopters. */
export function FunnelChart({ data }: { data: { name: string; value: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 48 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={140} />
        <Tooltip />
        <Bar dataKey="value" fill="#3b5bdb" isAnimationActive={false}>
          <LabelList dataKey="value" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Grouped bars, one group per row of `data` named by its `category` field. */
export function GroupedBars({
  data,
  category,
  series,
  height,
  slanted = false,
}: {
  data: object[];
  category: string;
  series: Series[];
  height: number;
  /** Long category names (regions) are written at an angle. */
  slanted?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={slanted ? { bottom: 48 } : undefined}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {slanted ? (
          <XAxis dataKey={category} angle={-30} textAnchor="end" interval={0} height={60} fontSize={12} />
        ) : (
          <XAxis dataKey={category} />
        )}
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend verticalAlign="top" />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One line per series over the `at` field of `data`. */
export function Lines({ data, series }: { data: object[]; series: Series[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
