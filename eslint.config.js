import tseslint from 'typescript-eslint'

// -------------------------------------------------------------------------------------------------
// Layers of the register (renovation, issue 14). They use @typescript-eslint/no-restricted-imports,
// so they do not replace other blocks' settings of the core no-restricted-imports rule; within
// this block each file gets one combined list (a later entry for the same rule would replace an
// earlier one). test/unit/lint/layerRules.test.ts shows each rule failing on a violation.
// -------------------------------------------------------------------------------------------------
const SQL_OWNERS =
  'Raw SQL belongs to its owner: src/database/payloadTables.ts (Payload tables) or src/publicApi/projection.ts (public_algorithms).'
/** Raw SQL only in its owner modules. */
const sqlOwnership = {
  paths: [{ name: '@payloadcms/db-postgres', importNames: ['sql'], message: SQL_OWNERS }],
  patterns: [{ group: ['**/database/runSql'], importNames: ['runSql'], message: SQL_OWNERS }],
}
/** Only the workflow's apply step publishes: revisions and the projection are written there. */
const onePublicationDoor = {
  group: ['**/workflow/publishRevision'],
  message:
    'Publish through the workflow apply step (applyWorkflowStep), the one door to publication.',
}
const projectionWrites = {
  group: ['**/publicApi/projection'],
  importNames: ['upsertProjection', 'withdrawProjection'],
  message:
    'Publish through the workflow apply step (applyWorkflowStep), the one door to publication.',
}
const registerLayerRules = [
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'hooks/**/*.ts', 'collections/**/*.ts'],
    ignores: [
      'src/database/**',
      'src/publicApi/projection.ts',
      'src/publicApi/publicReaders.ts',
      // The plugin's predefined migration runs the register's DDL.
      'src/exports/server.ts',
      'src/workflow/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: sqlOwnership.paths,
          patterns: [...sqlOwnership.patterns, onePublicationDoor, projectionWrites],
        },
      ],
    },
  },
  {
    files: ['src/workflow/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', sqlOwnership],
    },
  },
  {
    // The workflow's decisions are pure: no Payload, no database, no I/O.
    files: ['src/workflow/stateMachine.ts', 'src/workflow/workflowFieldsAfter.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'payload',
                '@payloadcms/*',
                '**/database/*',
                '**/publicApi/*',
                '**/email/*',
                '**/audit/*',
              ],
              allowTypeImports: true,
              message:
                'The state machine is pure: it decides, the apply step (applyWorkflowStep) acts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Access rules are predicates over the user and the document: below hooks, collections and
    // the workflow services, and without SQL.
    files: ['access/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: sqlOwnership.paths,
          patterns: [
            ...sqlOwnership.patterns,
            {
              group: ['**/hooks/*', '**/collections/*', '**/collections/**/*', '**/src/workflow/*'],
              allowTypeImports: true,
              message: 'Access rules sit below hooks, collections and the workflow.',
            },
          ],
        },
      ],
    },
  },
]
// --- end of the renovation layer block -----------------------------------------------------------

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.build/**',
      'dist/**',
      '.next/**',
      '.data/**',
      'test-output/**',
      'bench/results/**',
      'payload-types.ts',
      'next-env.d.ts',
      'src/app/(payload)/admin/importMap.js',
      'migrations/*_schema.ts',
      'migrations/index.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...registerLayerRules,
  // ---- Two wings: the plugin does not import the host application (issue 13) ----------------
  // What goes into the package (src, collections, hooks, access) must not reach into host/ (the
  // Express server, start-up, CLIs, embedded PostgreSQL, demo seed) or the bundled app's
  // payload.config.ts. scripts/buildPlugin.mjs checks the same for the files the package's
  // entries reach; this rule says it at the import. It uses ESLint's core no-restricted-imports,
  // so that the layer rules above (the typescript-eslint variant of the same rule) and this one
  // both stay active on the same files.
  {
    files: [
      'src/**/*.{ts,tsx}',
      'collections/**/*.ts',
      'globals/**/*.ts',
      'hooks/**/*.ts',
      'access/**/*.ts',
    ],
    ignores: [
      // Next.js's admin routes for the bundled application.
      'src/app/**',
      // Host glue that still lives beside plugin code (database start-up, the import CLI's
      // arguments); the package's entries do not reach these files.
      'src/database/openDatabase.ts',
      'src/database/attachRegisterDatabase.ts',
      'src/interop/importArguments.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)host(/|$)|^@payload-config$|(^|/)payload\\.config(\\.ts)?$',
              message:
                'Plugin code must not import the host application (host/, payload.config.ts): it would end up in every Payload project that installs the plugin.',
            },
          ],
        },
      ],
    },
  },
  // ---- end of the two-wings block ------------------------------------------------------------
)
