import { describe, expect, it } from '@jest/globals'

import { ImportUsageError, parseImportArguments } from '../../../src/interop/importArguments'

describe('parseImportArguments', () => {
  it('reads a file with the defaults', () => {
    expect(parseImportArguments(['export.csv'])).toEqual({
      file: 'export.csv',
      dryRun: false,
      strict: false,
      language: 'nl',
      quiet: false,
      verbose: false,
      help: false,
    })
  })

  it('reads every option, with values after a space or an equals sign', () => {
    expect(
      parseImportArguments([
        '--dry-run',
        'dump.json',
        '--strict',
        '--user',
        'beheer@noorderhaaks.nl',
        '--lang=en',
        '--report=uit.json',
        '--quiet',
        '--verbose',
      ]),
    ).toEqual({
      file: 'dump.json',
      dryRun: true,
      strict: true,
      user: 'beheer@noorderhaaks.nl',
      language: 'en',
      report: 'uit.json',
      quiet: true,
      verbose: true,
      help: false,
    })
  })

  it('needs no file for --help', () => {
    expect(parseImportArguments(['--help']).help).toBe(true)
  })

  it.each([
    [[], 'Geef het bestand dat u wilt importeren'],
    [['a.csv', 'b.csv'], 'Geef één bestand tegelijk, niet 2.'],
    [['a.csv', '--force'], 'Onbekende optie --force.'],
    [['a.csv', '--user'], 'Optie --user heeft een waarde nodig.'],
    [['a.csv', '--user', '--strict'], 'Optie --user heeft een waarde nodig.'],
    [['a.csv', '--lang', 'de'], '--lang kan nl of en zijn, niet "de".'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportArguments(argv)).toThrow(ImportUsageError)
    try {
      parseImportArguments(argv)
    } catch (error) {
      expect((error as ImportUsageError).text.nl).toContain(message)
    }
  })
})
