import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's root folder. Run through scripts/run.mjs, our code is bundled into .build/
 * (where import.meta.url points elsewhere) and the runner sets REGISTER_PROJECT_DIR; run
 * directly (Jest, Payload's CLI, Next) the path is derived from this file's location.
 */
export const projectRoot =
  process.env.REGISTER_PROJECT_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
