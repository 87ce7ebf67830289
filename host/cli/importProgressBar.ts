/**
 * The import's progress bar on stderr, drawn by cli-progress: redrawn in place on a terminal,
 * one plain line every few seconds (and at the end) when stderr is a file or a pipe, so a log
 * file gets no cursor or colour codes.
 */

import cliProgress from 'cli-progress'

import type { ImportProgress } from '../../src/interop/importRegister'
import {
  progressCounts,
  rowsPerSecond,
  type SummaryLanguage,
} from '../../src/interop/importSummary'

/** What the import CLI calls while rows are imported. */
export interface ImportProgressBar {
  update: (progress: ImportProgress) => void
  finish: () => void
}

const RUNNING: Record<SummaryLanguage, string> = {
  nl: '[{bar}] {value}/{total} {percentage}% | {counts} | {rate} rijen/s | nog ~{eta_formatted}',
  en: '[{bar}] {value}/{total} {percentage}% | {counts} | {rate} rows/s | ~{eta_formatted} left',
}
const FINISHED: Record<SummaryLanguage, string> = {
  nl: '[{bar}] {value}/{total} {percentage}% | {counts} | {rate} rijen/s',
  en: '[{bar}] {value}/{total} {percentage}% | {counts} | {rate} rows/s',
}

/**
 * A bar such as `[==========          ] 435/869 50% | nieuw 430 · bijgewerkt 0 · ongewijzigd 0 ·
 * afgewezen 5 | 21,8 rijen/s | nog ~20s`.
 *
 * @param stream where to draw (stderr; the summary goes to stdout).
 * @param plainLineEveryMs how often a plain line is written when `stream` is not a terminal.
 */
export function createImportProgressBar(
  language: SummaryLanguage,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  plainLineEveryMs = 5000,
): ImportProgressBar {
  const terminal = stream.isTTY === true
  const bar = new cliProgress.SingleBar({
    stream,
    format: (options, params, payload) =>
      cliProgress.Format.Formatter(
        { ...options, format: (params.value < params.total ? RUNNING : FINISHED)[language] },
        params,
        payload,
      ),
    barsize: 20,
    barCompleteChar: '=',
    barIncompleteChar: ' ',
    hideCursor: terminal,
    noTTYOutput: true,
    notTTYSchedule: plainLineEveryMs,
    // On a terminal the last state stays visible; in a file the last line was just written.
    clearOnComplete: !terminal,
  })
  let started = false
  return {
    update(progress) {
      const rate = rowsPerSecond(progress.done, progress.elapsedMs)
      const payload = {
        counts: progressCounts(progress.counts, language),
        rate: rate.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }),
      }
      if (!started) {
        started = true
        bar.start(progress.total, progress.done, payload)
        return
      }
      bar.update(progress.done, payload)
    },
    finish() {
      if (started) bar.stop()
    },
  }
}
