import type React from 'react'

import type { ProgressReport } from '../../reports/progressReport'
import { useAdminText } from '../i18n/useAdminText'
import { chartBars } from './chartBars'

/**
 * A stacked bar per publication category: how many descriptions are public, in review, being
 * written, sent back, withdrawn or archived. Plain HTML and CSS (no chart library); the table
 * below it holds the same numbers for screen readers and for copying.
 */
export const ProgressChart: React.FC<{ report: ProgressReport }> = ({ report }) => {
  const { text, language } = useAdminText()
  const bars = chartBars(report)
  if (bars.length === 0) return null
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL')
  const stateLabel = new Map(report.states.map((state) => [state.value, text(state.label)]))
  const used = report.states.filter((state) =>
    bars.some((bar) => bar.segments.some((segment) => segment.state === state.value)),
  )
  return (
    <figure className="ar-chart" data-testid="progress-chart">
      <figcaption className="ar-progress__caption">
        {text({
          nl: 'Beschrijvingen per publicatiecategorie, naar status',
          en: 'Descriptions per publication category, by state',
        })}
      </figcaption>
      <ul className="ar-chart__legend" aria-hidden="true">
        {used.map((state) => (
          <li key={state.value}>
            <span className={`ar-chart__swatch ar-chart__segment--${state.value}`} />
            {text(state.label)}
          </li>
        ))}
      </ul>
      {bars.map((bar) => {
        const description = bar.segments
          .map((segment) => `${stateLabel.get(segment.state)}: ${number(segment.count)}`)
          .join(', ')
        return (
          <div className="ar-chart__row" key={bar.label.nl}>
            <div className="ar-chart__label">
              {text(bar.label)} <span className="ar-chart__total">({number(bar.total)})</span>
            </div>
            <div
              className="ar-chart__bar"
              role="img"
              aria-label={`${text(bar.label)}: ${description}`}
            >
              {bar.segments.map((segment) => (
                <span
                  key={segment.state}
                  className={`ar-chart__segment ar-chart__segment--${segment.state}`}
                  style={{ width: `${segment.percent}%` }}
                  title={`${stateLabel.get(segment.state)}: ${number(segment.count)}`}
                />
              ))}
            </div>
          </div>
        )
      })}
    </figure>
  )
}
