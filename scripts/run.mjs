#!/usr/bin/env node
/**
 * Runs one of the project's TypeScript entry points (a CLI, a test worker, the benchmark):
 *
 *   node scripts/run.mjs host/cli/start.ts [arguments...]
 *
 * The entry is bundled with esbuild (our own code only; packages stay external) into .build/
 * and imported as plain JavaScript. We do not run TypeScript through a loader hook at run
 * time: on a busy machine Node 20's off-thread module hooks (used by TypeScript loaders such as
 * tsx) now and then never finish loading a large module graph, and the process then exits
 * silently or hangs.
 * Bundling takes well under a second, so every run builds fresh and can never be stale.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { build } from 'esbuild'

import { preloadLexical } from './preloadLexical.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [entryArg, ...rest] = process.argv.slice(2)
if (!entryArg) {
  console.error('Gebruik: node scripts/run.mjs <bestand.ts> [argumenten...]')
  process.exit(2)
}
const entry = path.resolve(root, entryArg)
const relative = path.relative(root, entry)
if (relative.startsWith('..')) {
  console.error(`${entryArg} ligt buiten het project.`)
  process.exit(2)
}
const outFile = path.join(root, '.build', relative.replace(/\.tsx?$/, '.mjs'))
const depth = relative.split(path.sep).length
const up = '../'.repeat(depth)

const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  write: false,
  logLevel: 'error',
  tsconfig: path.join(root, 'tsconfig.json'),
  // Admin components import the register's stylesheet; only Next.js needs it.
  loader: { '.scss': 'empty', '.css': 'empty' },
  // Bundled modules all share the output file's import.meta.url; code that needs the project's
  // folder reads REGISTER_PROJECT_DIR (see src/projectRoot.ts), set here before anything runs.
  banner: {
    js: `process.env.REGISTER_PROJECT_DIR ??= decodeURIComponent(new URL(${JSON.stringify(up)}, import.meta.url).pathname).replace(/\\/$/, '');`,
  },
})
mkdirSync(path.dirname(outFile), { recursive: true })
// Several processes may build the same entry at once: write aside, then rename atomically.
const temporary = `${outFile}.${process.pid}.tmp`
writeFileSync(temporary, result.outputFiles[0].contents)
renameSync(temporary, outFile)

await preloadLexical(root, (name) => import(name))

process.argv = [process.argv[0], entry, ...rest]
await import(pathToFileURL(outFile).href)
