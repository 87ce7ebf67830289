import { cliLogger } from '../../src/logging/registerLogger'

/**
 * Runs a command-line tool's `main` and exits with the code it returns, or with the code
 * `onError` returns after reporting a thrown error.
 *
 * If Node runs out of work before `main` settles (a module whose loading never finished; see
 * scripts/run.mjs), Node would exit with code 0 as if all went well: say so and exit with
 * `unfinishedCode` instead.
 */
export function runCommand(
  main: () => Promise<number>,
  onError: (error: unknown) => number,
  unfinishedCode = 1,
): void {
  let finished = false
  process.on('beforeExit', () => {
    if (finished) return
    cliLogger.error(
      'Het programma stopte voordat het klaar was, zonder foutmelding. Probeer het opnieuw. ' +
        '(The program stopped before it finished, without an error. Try again.)',
    )
    process.exit(unfinishedCode)
  })
  main()
    .catch((error: unknown) => onError(error))
    .then((code) => {
      finished = true
      process.exit(code)
    })
}
