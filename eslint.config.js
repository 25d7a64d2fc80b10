import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layering rules (page → procedure → service → data access) are enforced here, so a
// shortcut across layers fails `npm run check` instead of waiting for review.
const noDbFrom = (who) => ({
  group: ['@/db/*', '**/db/*', '@/db', '../db/*', '../../db/*', '../../../db/*'],
  message: `${who} must not touch the database: go through a procedure/service.`,
});

export default tseslint.config(
  {
    ignores: ['node_modules/', '.next/', 'data/', 'test-results/', 'playwright-report/', 'next-env.d.ts', 'db/migrations/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User and imported text is rendered as text or safe Markdown (lib/markdown), never as raw HTML.',
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDbFrom('Pages and components')] }] },
  },
  {
    files: ['server/routers/**/*.ts', 'server/trpc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ ...noDbFrom('Procedures'), allowTypeImports: true }] }] },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '@/server/*', '@/db/*', '**/app/*', '**/server/*', '**/db/*', 'node:*'],
              message: 'lib/ is pure and isomorphic: no app/, server/, db/ or Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
