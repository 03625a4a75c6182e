// Lint: typescript-eslint's recommended rules plus a few that keep personal
// data out of logs and keep the layering honest.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', '.test-work/**', 'server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Only repositories (and the database plumbing) talk to the database.
    files: ['server/modules/**/*.service.ts', 'server/modules/**/*.policy.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema/*'], message: 'Services reach the database through their repository.' }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'test/**', '**/*.cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
