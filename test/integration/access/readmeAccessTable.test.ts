/**
 * The README's "who may do what" table must say what the access matrix tests: it is compared
 * cell by cell with the table rendered from accessExpectations.ts (padding and alignment free).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from '@jest/globals'

import { renderAccessTable } from './accessExpectations'

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md')

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim())

const isSeparator = (cells: string[]) => cells.every((cell) => /^:?-{3,}:?$/.test(cell))

/** The rows of the markdown table whose header row starts with `firstHeader`. */
function tableStartingWith(text: string, header: string[]): string[][] {
  const lines = text.split('\n')
  const start = lines.findIndex(
    (line) =>
      line.trim().startsWith('|') &&
      cellsOf(line)[0] === header[0] &&
      cellsOf(line)[1] === header[1],
  )
  if (start < 0) return []
  const rows: string[][] = []
  for (const line of lines.slice(start)) {
    if (!line.trim().startsWith('|')) break
    const cells = cellsOf(line)
    if (!isSeparator(cells)) rows.push(cells)
  }
  return rows
}

describe('README', () => {
  it('has the "who may do what" table exactly as the access matrix tests it', () => {
    const expected = tableStartingWith(renderAccessTable(), ['Action', 'Anonymous'])
    const actual = tableStartingWith(fs.readFileSync(README, 'utf8'), ['Action', 'Anonymous'])
    expect(expected.length).toBeGreaterThan(40)
    expect(actual).toEqual(expected)
  })
})
