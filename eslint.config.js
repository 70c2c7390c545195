// ESLint 9 flat config. Fast on purpose: typescript-eslint's recommended rules without type
// information (`npm run typecheck` does the type-aware work), React hooks rules for the web UI.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import noStatusLiteralInSql from './eslint/no-status-literal-in-sql.js';

// The structure's own rules (issue 13, decision 0016). The code keeps them: a new breach fails `npm run lint`.
const STRUCTURE = 'error';
const NO_REPOSITORY_REACH = {
  regex: '^\\.\\./[^/.]+/.*\\.repository$',
  message: 'Reach another module through its service or an explicit hook, not its repository.',
};

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'tmp/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.vite/**',
      'src/server/db/migrations/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // TypeScript already reports undefined names, and knows Node and DOM globals better than a list would.
      'no-undef': 'off',
      // Unused code is an error; a leading underscore marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Sometimes needed at library seams (Drizzle, Fastify generics); visible, not blocking.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // One home for each rule: no import cycles, no file over 400 lines (catalogues and data excepted below).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': [STRUCTURE, { ignoreExternal: true }],
      'max-lines': [STRUCTURE, { max: 400 }],
    },
  },
  {
    // Declarative catalogues (messages, locales as code, rule-set data) may be long.
    files: ['src/**/*.messages.ts', 'src/shared/rules/rule-sets/**'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Statuses come from the transition tables (src/shared/rules); a module reaches another through its
    // service or an explicit hook, never its repository. Tests may write fixture rows as they like.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/**/*.fixture.ts', 'src/server/db/migrations/**'],
    plugins: { residence: { rules: { 'no-status-literal-in-sql': noStatusLiteralInSql } } },
    rules: {
      'residence/no-status-literal-in-sql': STRUCTURE,
    },
  },
  {
    files: ['src/server/modules/**/*.ts'],
    rules: { 'no-restricted-imports': [STRUCTURE, { patterns: [NO_REPOSITORY_REACH] }] },
  },
  // Introductions and evaluations reach each other only through the member hooks (src/server/hooks.ts, wired
  // in buildApp): neither imports the other (issue 13). Tests may. Repeats the repository rule: a later block
  // replaces a rule's options instead of adding to them.
  ...[
    ['introductions', 'evaluations'],
    ['evaluations', 'introductions'],
  ].map(([from, to]) => ({
    files: [`src/server/modules/${from}/**/*.ts`],
    ignores: ['**/*.test.ts', '**/*.fixture.ts', '**/*.scenario.ts'],
    rules: {
      'no-restricted-imports': [
        STRUCTURE,
        {
          patterns: [
            NO_REPOSITORY_REACH,
            {
              regex: `^(\\.\\./)+(modules/)?${to}(/|$)`,
              message: `${from} does not import ${to}: call or listen to a hook of src/server/hooks.ts (decision 0016).`,
            },
          ],
        },
      ],
    },
  })),
  {
    // Plain Node scripts (CommonJS configs included).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
