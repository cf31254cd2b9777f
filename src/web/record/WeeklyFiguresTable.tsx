import { VisuallyHidden } from "@mantine/core";
import type { RecordWeek } from "../../contract";
import { formatPercent } from "./percent";

/** The chart's figures as a table, for screen readers and anyone who wants the numbers. */
export function WeeklyFiguresTable({ weeks }: { weeks: readonly RecordWeek[] }) {
  return (
    <VisuallyHidden>
      <table>
        <caption>Completions per week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Completed</th>
            <th scope="col">On time</th>
            <th scope="col">Late</th>
            <th scope="col">Without a due date</th>
            <th scope="col">Dropped</th>
            <th scope="col">On-time rate</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => {
            const judged = week.onTime + week.late;
            return (
              <tr key={week.weekStart}>
                <th scope="row">{week.weekStart}</th>
                <td>{week.completed}</td>
                <td>{week.onTime}</td>
                <td>{week.late}</td>
                <td>{week.withoutDue}</td>
                <td>{week.dropped}</td>
                <td>{judged === 0 ? "No due dates" : formatPercent(week.onTime / judged)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
