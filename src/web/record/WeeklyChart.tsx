import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { RecordWeek } from "../../contract";
import { chartDescription, chartWeeks, weekLabel } from "./weeklyChart";

const RATE = "On-time rate";
/** The order the tooltip lists the series in: as stacked, then the rate. */
const SERIES = ["On time", "Late", "Without a due date", RATE];
/** The axes' labels and lines, and the tooltip's box, in the colors of the page's scheme. */
const TICK = { fontSize: 12, fill: "var(--mantine-color-dimmed)" };
const AXIS_LINE = "var(--docket-color-line)";
const TOOLTIP_BOX = {
  background: "var(--mantine-color-body)",
  border: "1px solid var(--mantine-color-default-border)",
};

/**
 * Completions week by week, stacked on time, late and without a due date, with the on-time rate as
 * a line on the right-hand axis (left out for weeks where nothing with a due date was completed).
 */
export function WeeklyChart({ weeks }: { weeks: readonly RecordWeek[] }) {
  return (
    <div role="img" aria-label={chartDescription(weeks)}>
      <ComposedChart
        responsive
        accessibilityLayer={false}
        data={chartWeeks(weeks)}
        style={{ width: "100%", height: 280 }}
        margin={{ top: 8, right: 0, bottom: 0, left: -16 }}
      >
        <CartesianGrid vertical={false} stroke="var(--docket-color-separator)" />
        <XAxis dataKey="weekStart" tickFormatter={weekLabel} minTickGap={24} tick={TICK} stroke={AXIS_LINE} />
        <YAxis yAxisId="count" allowDecimals={false} tick={TICK} stroke={AXIS_LINE} />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value}%`}
          tick={TICK}
          stroke={AXIS_LINE}
        />
        <Tooltip
          contentStyle={TOOLTIP_BOX}
          itemSorter={(item) => SERIES.indexOf(String(item.name))}
          labelFormatter={(label) => `Week of ${weekLabel(String(label))}`}
          formatter={(value, name) => (name === RATE ? [`${value}%`, name] : [value, name])}
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        <Bar
          yAxisId="count"
          dataKey="onTime"
          name="On time"
          stackId="completed"
          fill="var(--mantine-color-teal-6)"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="late"
          name="Late"
          stackId="completed"
          fill="var(--mantine-color-orange-5)"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="withoutDue"
          name="Without a due date"
          stackId="completed"
          fill="var(--mantine-color-gray-5)"
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="onTimePercent"
          name={RATE}
          type="monotone"
          connectNulls={false}
          stroke="var(--mantine-color-blue-6)"
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
