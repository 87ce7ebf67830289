/**
 * The layer rules in eslint.config.js are checked: each fixture breaks one rule from a file in
 * the layer it guards, and `npm run lint` (eslint) must fail on it with that rule's message; the
 * same import from a file that may make it passes.
 */
import { spawnSync } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

interface LintMessage {
  ruleId: string | null
  message: string
}

/** Lints `code` as if it were the file at `filePath`, with the project's configuration. */
function lint(filePath: string, code: string): LintMessage[] {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/eslint/bin/eslint.js',
      '--stdin',
      '--stdin-filename',
      filePath,
      '--format',
      'json',
    ],
    { input: code, encoding: 'utf8' },
  )
  const [report] = JSON.parse(result.stdout) as Array<{ messages: LintMessage[] }>
  return report.messages
}

const RULE = '@typescript-eslint/no-restricted-imports'

function layerErrors(filePath: string, code: string): string[] {
  return lint(filePath, code)
    .filter((message) => message.ruleId === RULE)
    .map((message) => message.message)
}

describe('layer rules (eslint no-restricted-imports)', () => {
  it('refuses raw SQL outside its owner modules, and allows it in an owner', () => {
    const code = "import { sql } from '@payloadcms/db-postgres'\nexport const q = sql`SELECT 1`\n"
    expect(layerErrors('src/interop/someImporter.ts', code).join()).toMatch(
      /Raw SQL belongs to its owner/,
    )
    expect(layerErrors('hooks/someHook.ts', code).join()).toMatch(/Raw SQL belongs to its owner/)
    expect(layerErrors('src/database/payloadTables.ts', code)).toEqual([])
  })

  it('refuses runSql outside its owners', () => {
    const code = "import { runSql } from '../database/runSql'\nexport const run = runSql\n"
    expect(layerErrors('src/jobs/someTask.ts', code).join()).toMatch(/Raw SQL belongs/)
    const pool = "import { poolOf } from '../database/runSql'\nexport const pool = poolOf\n"
    expect(layerErrors('src/jobs/someTask.ts', pool)).toEqual([])
  })

  it('refuses publishing past the workflow apply step', () => {
    const code =
      "import { publishRevision } from '../workflow/publishRevision'\nexport const p = publishRevision\n"
    expect(layerErrors('src/interop/someImporter.ts', code).join()).toMatch(/one door/)
    const projection =
      "import { upsertProjection } from '../publicApi/projection'\nexport const p = upsertProjection\n"
    expect(layerErrors('src/interop/someImporter.ts', projection).join()).toMatch(/one door/)
    expect(layerErrors('src/workflow/applyWorkflowStep.ts', code)).toEqual([])
  })

  it('keeps the state machine pure', () => {
    const code = "import { getPayload } from 'payload'\nexport const g = getPayload\n"
    expect(layerErrors('src/workflow/stateMachine.ts', code).join()).toMatch(/pure/)
    const typeOnly = "import type { Payload } from 'payload'\nexport type P = Payload\n"
    expect(layerErrors('src/workflow/stateMachine.ts', typeOnly)).toEqual([])
  })

  it('keeps access rules below hooks and collections', () => {
    const code =
      "import { chainAuditEvent } from '../hooks/chainAuditEvent'\nexport const c = chainAuditEvent\n"
    expect(layerErrors('access/someRule.ts', code).join()).toMatch(/Access rules sit below/)
  })
})
