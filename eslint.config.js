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
)
