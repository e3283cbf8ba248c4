// Type-aware lint. The import-boundary rules hold the dependency direction of STYLE.md:
// common/ imports nothing from server/ or web/; web/ never imports server/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import motcua from './eslint-rules/module-faces.js';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'data/**', 'web/dist/**', '.tmp/**', 'eslint.config.js', 'eslint-rules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Fastify hooks and handlers are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enums: use `as const` objects (STYLE.md).' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces.' },
      ],
    },
  },
  {
    // A server module's face is its index.ts: no deep imports into another module (ADR 0009).
    files: ['server/**', 'bench/**', 'scripts/**', 'e2e/**'],
    // Tests are white-box: they may read a module's internals to set up and check.
    ignores: ['**/*.test.ts', 'server/test/**'],
    plugins: { motcua },
    rules: { 'motcua/module-faces': 'error' },
  },
  {
    // At most four positional parameters (issue #13): more become one input object.
    files: ['server/**', 'common/**'],
    rules: { 'max-params': ['error', 4] },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**'], message: 'common/ must not depend on server/ or web/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'web/ talks to the server over HTTP only.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
