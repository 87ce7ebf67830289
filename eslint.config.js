import tseslint from 'typescript-eslint'

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
  // ---- Two wings: the plugin does not import the host application (issue 13) ----------------
  // What goes into the package (src, collections, hooks, access) must not reach into host/ (the
  // Express server, start-up, CLIs, embedded PostgreSQL, demo seed) or the bundled app's
  // payload.config.ts. scripts/buildPlugin.mjs checks the same for the files the package's
  // entries reach; this rule says it at the import. The typescript-eslint variant of
  // no-restricted-imports is used so that a layer rule elsewhere in this file, written with the
  // core rule, does not replace this one.
  {
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts', 'hooks/**/*.ts', 'access/**/*.ts'],
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
      '@typescript-eslint/no-restricted-imports': [
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
