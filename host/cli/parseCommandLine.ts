/**
 * The command lines of the register's CLIs, read with `node:util` parseArgs. parseArgs itself
 * explains mistakes in English only; this wrapper checks its tokens and says what is wrong in
 * Dutch (with English beside it), naming the option as it was typed.
 */

import { parseArgs } from 'node:util'

import type { BilingualText } from '../../src/interop/bilingualText'

/** One option: a flag (`--strict`) or an option with a value (`--user a@b.nl`, `--user=a@b.nl`). */
export interface CommandLineOption {
  type: 'boolean' | 'string'
  /** A one-letter alias, such as `h` for `-h`. */
  short?: string
}

/** The values of a command line: `true` for a flag that is given, the text for a value. */
export type CommandLineValues<T extends Record<string, CommandLineOption>> = {
  [K in keyof T]?: T[K]['type'] extends 'string' ? string : true
}

/** The command line is wrong; `text` says how, in Dutch and English. */
export class CommandLineError extends Error {
  readonly text: BilingualText

  constructor(text: BilingualText) {
    super(text.en)
    this.name = 'CommandLineError'
    this.text = text
  }
}

/**
 * Reads `argv` (the arguments after the script name).
 *
 * @throws CommandLineError for an unknown option, an option without its value (also when the
 *   next argument is another option: `--user --strict`), a value given to a flag, or an argument
 *   without an option when `allowPositionals` is false.
 */
export function parseCommandLine<T extends Record<string, CommandLineOption>>(
  argv: readonly string[],
  options: T,
  settings: { allowPositionals: boolean },
): { values: CommandLineValues<T>; positionals: string[] } {
  // Not strict: strict mode stops at the first problem with an English message, and would take
  // `--strict` as the value of `--user`. The tokens let us check every argument ourselves.
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const values: Record<string, string | true> = {}
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!settings.allowPositionals) {
        throw new CommandLineError({
          nl: `Onverwacht argument ${token.value}. Zie --help.`,
          en: `Unexpected argument ${token.value}. See --help.`,
        })
      }
      positionals.push(token.value)
      continue
    }
    if (token.kind !== 'option') continue
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined
    if (!option) {
      throw new CommandLineError({
        nl: `Onbekende optie ${token.rawName}. Zie --help.`,
        en: `Unknown option ${token.rawName}. See --help.`,
      })
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) {
        throw new CommandLineError({
          nl: `Optie ${token.rawName} heeft geen waarde.`,
          en: `Option ${token.rawName} takes no value.`,
        })
      }
      values[token.name] = true
      continue
    }
    const missing =
      token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))
    if (missing) {
      throw new CommandLineError({
        nl: `Optie ${token.rawName} heeft een waarde nodig.`,
        en: `Option ${token.rawName} needs a value.`,
      })
    }
    values[token.name] = token.value
  }
  return { values: values as CommandLineValues<T>, positionals }
}
