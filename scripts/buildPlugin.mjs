#!/usr/bin/env node
/**
 * Builds the publishable plugin into dist/: one JavaScript file per source file (so every
 * 'use client' directive stays on its own module and Next keeps the client/server boundary),
 * relative imports rewritten to explicit `.js` files (Node ESM needs them), packages left as
 * imports (they are the host's peer dependencies), and declarations from tsc.
 *
 *   node scripts/buildPlugin.mjs
 *
 * Only the plugin wing is built: the files reachable from the package's entries. The host
 * application (server, boot, CLI, embedded database, seed, Next app folder) is not shipped.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'dist')

/** Package entries (see `exports` in package.json). */
export const ENTRIES = [
  'src/plugin/index.ts',
  'src/exports/client.ts',
  'src/exports/rsc.ts',
  'src/exports/server.ts',
  'src/exports/migration.ts',
]

const started = Date.now()
fs.rmSync(outDir, { recursive: true, force: true })

// 1. Which source files the entries reach.
const graph = await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  bundle: true,
  write: false,
  metafile: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  jsx: 'automatic',
  outdir: outDir,
  logLevel: 'error',
  // Stylesheets are shipped as they are (step 2b); here only the module graph matters.
  loader: { '.scss': 'empty', '.css': 'empty' },
})
const inputs = Object.keys(graph.metafile.inputs).filter((file) => !file.startsWith('node_modules'))
const isStylesheet = (file) => /\.s?css$/.test(file)
const sources = inputs.filter((file) => !isStylesheet(file))
const stylesheets = inputs.filter(isStylesheet)
const hostOnly = sources.filter((file) => /^(host\/|src\/app\/|payload\.config)/.test(file))
if (hostOnly.length > 0) {
  throw new Error(`The plugin must not import host-application files: ${hostOnly.join(', ')}`)
}

/** The `.js` file a relative import ends up as (a folder import means its index). */
function outputSpecifier(importer, specifier) {
  const base = path.resolve(path.dirname(importer), specifier)
  for (const ext of ['.ts', '.tsx']) {
    if (fs.existsSync(base + ext)) return `${specifier}.js`
  }
  for (const ext of ['.ts', '.tsx']) {
    if (fs.existsSync(path.join(base, `index${ext}`))) return `${specifier}/index.js`
  }
  if (/\.(m?js|json|s?css)$/.test(specifier)) return specifier
  throw new Error(`Cannot resolve ${specifier} from ${importer}`)
}

// 2. One output file per source file.
await build({
  absWorkingDir: root,
  entryPoints: sources,
  outbase: '.',
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  packages: 'external',
  logLevel: 'warning',
  plugins: [
    {
      name: 'relative-imports-as-js-files',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
          // JSON (the national register's OpenAPI document) is bundled into its importer.
          if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined
          return { path: outputSpecifier(args.importer, args.path), external: true }
        })
      },
    },
  ],
})

// 2b. Stylesheets the admin components import, copied as they are: the host's Next.js compiles
// them (Payload's own packages and plugins ship .scss the same way; @payloadcms/next brings sass).
for (const file of stylesheets) {
  fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true })
  fs.copyFileSync(path.join(root, file), path.join(outDir, file))
}

// 3. Declarations.
const tsconfig = path.join(root, 'tsconfig.build.json')
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
  {
    cwd: root,
    stdio: 'inherit',
  },
)

// 4. The generated types belong to the application they were generated for: a host has its own
// `declare module 'payload'` augmentation, and two of them conflict. Keep the interfaces (the
// plugin's own declarations refer to them), drop the augmentation.
const generated = path.join(outDir, 'payload-types.d.ts')
if (fs.existsSync(generated)) {
  const text = fs.readFileSync(generated, 'utf8')
  const stripped = text.replace(/declare module 'payload' \{[\s\S]*?\n\}\n?/, '')
  if (stripped.includes("declare module 'payload'")) {
    throw new Error('Could not remove the module augmentation from payload-types.d.ts')
  }
  fs.writeFileSync(generated, stripped)
}

const count = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile())
    .length
console.log(
  `Plugin built into dist/: ${sources.length} modules, ${stylesheets.length} stylesheets, ${count(outDir)} files in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
)
