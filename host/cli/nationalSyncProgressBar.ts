/**
 * The progress bar of `npm run national:sync` on stderr, drawn by cli-progress like the
 * import's: redrawn in place on a terminal, a plain line every few seconds in a file or pipe.
 */
import cliProgress from 'cli-progress'

export interface SyncProgressBar {
  update: (done: number, total: number) => void
  finish: () => void
}

export function createSyncProgressBar(
  language: 'nl' | 'en',
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  plainLineEveryMs = 5000,
): SyncProgressBar {
  const terminal = stream.isTTY === true
  const bar = new cliProgress.SingleBar({
    stream,
    format:
      language === 'nl'
        ? '[{bar}] {value}/{total} beschrijvingen {percentage}% | nog ~{eta_formatted}'
        : '[{bar}] {value}/{total} descriptions {percentage}% | ~{eta_formatted} left',
    barsize: 20,
    barCompleteChar: '=',
    barIncompleteChar: ' ',
    hideCursor: terminal,
    noTTYOutput: true,
    notTTYSchedule: plainLineEveryMs,
    clearOnComplete: !terminal,
  })
  let started = false
  return {
    update(done, total) {
      if (!started) {
        started = true
        bar.start(total, done)
        return
      }
      bar.update(done)
    },
    finish() {
      if (started) bar.stop()
    },
  }
}
