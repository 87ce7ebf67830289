import { describe, expect, it } from '@jest/globals'

import { CommandLineError, parseCommandLine } from '../../../host/cli/parseCommandLine'

const OPTIONS = {
  anchor: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function refusal(argv: string[], allowPositionals = false): CommandLineError {
  try {
    parseCommandLine(argv, OPTIONS, { allowPositionals })
  } catch (error) {
    if (error instanceof CommandLineError) return error
    throw error
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`)
}

describe('parseCommandLine', () => {
  it('reads flags, short flags, and values after a space or an equals sign', () => {
    expect(
      parseCommandLine(['--anchor', '12:ab', '--verbose'], OPTIONS, { allowPositionals: false }),
    ).toEqual({ values: { anchor: '12:ab', verbose: true }, positionals: [] })
    expect(parseCommandLine(['-h', '--anchor=--x'], OPTIONS, { allowPositionals: false })).toEqual({
      values: { help: true, anchor: '--x' },
      positionals: [],
    })
  })

  it('keeps arguments without an option when allowed, also after --', () => {
    expect(
      parseCommandLine(['a.csv', '--', '--b.csv'], OPTIONS, { allowPositionals: true }),
    ).toEqual({ values: {}, positionals: ['a.csv', '--b.csv'] })
  })

  it.each([
    [['--force'], 'Onbekende optie --force. Zie --help.', 'Unknown option --force. See --help.'],
    [['-x'], 'Onbekende optie -x. Zie --help.', 'Unknown option -x. See --help.'],
    [['--anchor'], 'Optie --anchor heeft een waarde nodig.', 'Option --anchor needs a value.'],
    [
      ['--anchor', '--verbose'],
      'Optie --anchor heeft een waarde nodig.',
      'Option --anchor needs a value.',
    ],
    [['--verbose=ja'], 'Optie --verbose heeft geen waarde.', 'Option --verbose takes no value.'],
    [['los'], 'Onverwacht argument los. Zie --help.', 'Unexpected argument los. See --help.'],
  ])('refuses %j in Dutch and English', (argv, nl, en) => {
    const error = refusal(argv)
    expect(error.text).toEqual({ nl, en })
    expect(error.message).toBe(en)
  })
})
