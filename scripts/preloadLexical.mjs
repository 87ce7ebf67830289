import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Lexical's Node builds (`*.node.mjs`, chosen by the "node" export condition) pick their dev or
 * prod file with a top-level `await import()`. When several of them are first loaded at once
 * through one import graph (Payload's rich-text editor loads a dozen), Node 20 now and then
 * never finishes evaluating them and the process exits with "unsettled top-level await" (or,
 * where nothing awaits the import, with code 0 having done nothing). Loading them one by one,
 * dependencies first, before anything else avoids that race.
 *
 * Still needed (measured 3 December 2026, Node 20.20.2, 2 cores under load): `npm run migrate`
 * and `npm run audit:export` run side by side 20 times each. With this preload: 40 of 40
 * finished. Without it: 7 of 40 finished, 33 exited with code 13 (unsettled top-level await)
 * and no output.
 *
 * @param {string} root the project whose node_modules hold Lexical
 * @param {(name: string) => Promise<unknown>} load `(name) => import(name)` written in a module
 *   of that project, so that the packages resolve from its node_modules
 */
export async function preloadLexical(root, load) {
  const packages = new Map()
  const add = (name) => {
    if (packages.has(name)) return
    let manifest
    try {
      manifest = JSON.parse(
        readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'),
      )
    } catch {
      return
    }
    const dependencies = Object.keys(manifest.dependencies ?? {}).filter(
      (dependency) => dependency === 'lexical' || dependency.startsWith('@lexical/'),
    )
    packages.set(name, dependencies)
    dependencies.forEach(add)
  }
  add('lexical')
  for (const entry of readdirSync(path.join(root, 'node_modules', '@lexical'), {
    withFileTypes: true,
  })) {
    if (entry.isDirectory()) add(`@lexical/${entry.name}`)
  }
  const loaded = new Set()
  const loadInOrder = async (name) => {
    if (loaded.has(name)) return
    loaded.add(name)
    for (const dependency of packages.get(name) ?? []) await loadInOrder(dependency)
    try {
      await load(name)
    } catch {
      // Packages that only exist for the browser (or need peers we do not use) are skipped.
    }
  }
  for (const name of packages.keys()) await loadInOrder(name)
}
