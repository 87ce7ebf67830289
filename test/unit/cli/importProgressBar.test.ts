import { PassThrough } from 'node:stream'

import { describe, expect, it } from '@jest/globals'

import { createImportProgressBar } from '../../../host/cli/importProgressBar'

/** A stderr that is a file or a pipe, not a terminal. */
function plainStream(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return { stream, text: () => text }
}

describe('createImportProgressBar', () => {
  it('writes plain lines with the bar, the counts, the rate and the time left', () => {
    const { stream, text } = plainStream()
    const bar = createImportProgressBar('nl', stream)
    bar.update({
      done: 435,
      total: 869,
      counts: { created: 430, updated: 0, unchanged: 0, rejected: 5 },
      elapsedMs: 20_000,
    })
    bar.update({
      done: 869,
      total: 869,
      counts: { created: 860, updated: 0, unchanged: 0, rejected: 9 },
      elapsedMs: 40_000,
    })
    bar.finish()
    const lines = text().split('\n')
    expect(lines[0]).toMatch(
      /^\[==========          \] 435\/869 50% \| nieuw 430 · bijgewerkt 0 · ongewijzigd 0 · afgewezen 5 \| 21,8 rijen\/s \| nog ~\S+$/,
    )
    expect(lines[1]).toBe(
      '[====================] 869/869 100% | nieuw 860 · bijgewerkt 0 · ongewijzigd 0 · afgewezen 9 | 21,7 rijen/s',
    )
    expect(lines.slice(2)).toEqual([''])
    // A log file gets no cursor movements or colours.
    expect(text()).not.toContain('\u001b')
  })

  it('speaks English when asked, and writes nothing when no row was reported', () => {
    const { stream, text } = plainStream()
    const bar = createImportProgressBar('en', stream)
    bar.update({
      done: 2,
      total: 4,
      counts: { created: 1, updated: 1, unchanged: 0, rejected: 0 },
      elapsedMs: 500,
    })
    bar.update({
      done: 4,
      total: 4,
      counts: { created: 1, updated: 1, unchanged: 1, rejected: 1 },
      elapsedMs: 1000,
    })
    bar.finish()
    expect(text().split('\n').slice(1)).toEqual([
      '[====================] 4/4 100% | created 1 · updated 1 · unchanged 1 · rejected 1 | 4.0 rows/s',
      '',
    ])
    expect(text()).toMatch(
      /^\[==========          \] 2\/4 50% \| .* \| 4\.0 rows\/s \| ~\S+ left\n/,
    )
    const silent = plainStream()
    createImportProgressBar('en', silent.stream).finish()
    expect(silent.text()).toBe('')
  })
})
