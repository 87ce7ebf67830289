import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root folder (two levels above src/cli). */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
