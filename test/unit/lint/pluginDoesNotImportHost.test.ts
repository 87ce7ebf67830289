import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

/**
 * The two wings of the repository: plugin code (src, collections, hooks, access) must not import
 * the host application. These run the project's own eslint.config.js on small sources placed, by
 * file name, in each wing, so a change to the rule that lets a violation through fails here.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  // A source that does not parse has no rule messages at all: that must not pass for "allowed".
  if (!result || result.fatalErrorCount > 0) throw new Error(`cannot lint ${filePath}`)
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

describe('the plugin/host lint rule', () => {
  it.each([
    ['src/plugin/violation.ts', "import { createServer } from '../../host/server/createServer'"],
    ['hooks/violation.ts', "import { seedDemo } from '../host/seed/seedDemo'"],
    [
      'access/violation.ts',
      "import { startEmbeddedPostgres } from '../host/database/embeddedPostgres'",
    ],
    ['collections/Violation.ts', "import config from '../payload.config'"],
    ['src/publicApi/violation.ts', "import config from '@payload-config'"],
  ])('fails %s when it imports host code', async (filePath, line) => {
    const messages = await restrictedImports(
      `${line}\nexport const used = [${line.match(/import \{? ?(\w+)/)?.[1]}]\n`,
      filePath,
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/Plugin code must not import the host application/)
  })

  it('lets plugin code import plugin code, and host code import the plugin', async () => {
    expect(
      await restrictedImports(
        "import { isPlatformAdmin } from '../../access/isPlatformAdmin'\nexport { isPlatformAdmin }\n",
        'src/plugin/allowed.ts',
      ),
    ).toEqual([])
    expect(
      await restrictedImports(
        "import { algorithmRegister } from '../../src/plugin'\nimport { createServer } from '../server/createServer'\nexport { algorithmRegister, createServer }\n",
        'host/cli/allowed.ts',
      ),
    ).toEqual([])
  })
})
