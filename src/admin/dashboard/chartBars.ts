import type { ProgressReport, ReportLabel } from '../../reports/progressReport'
import type { WorkflowState } from '../../workflow/stateMachine'

/** One coloured part of a bar: the descriptions of one category in one workflow state. */
export interface BarSegment {
  state: WorkflowState
  count: number
  /** Share of the longest bar, 0–100, so bars of different categories compare by length. */
  percent: number
}

/** One bar of the progress chart: a publication category. */
export interface ChartBar {
  label: ReportLabel
  total: number
  segments: BarSegment[]
}

/**
 * The bars of the dashboard's progress chart: per publication category, the descriptions in
 * each workflow state (states without descriptions are left out). Lengths are relative to the
 * largest category, so the chart shows both the mix and the size. Categories without any
 * description are left out; an empty register gives no bars.
 */
export function chartBars(report: ProgressReport): ChartBar[] {
  const longest = Math.max(0, ...report.overall.byCategory.map((row) => row.total))
  if (longest === 0) return []
  return report.overall.byCategory.flatMap((row, index): ChartBar[] => {
    if (row.total === 0) return []
    const label = report.categories[index]?.label ?? {
      nl: String(row.category),
      en: String(row.category),
    }
    const segments = report.states
      .map(({ value }) => ({
        state: value,
        count: row.states[value] ?? 0,
        percent: ((row.states[value] ?? 0) / longest) * 100,
      }))
      .filter((segment) => segment.count > 0)
    return [{ label, total: row.total, segments }]
  })
}
