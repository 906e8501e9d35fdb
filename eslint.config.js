// The linter CI runs beside the type check: ESLint's and typescript-eslint's recommended
// rules, with the project's habits, and two rules that need type information: a promise
// nobody awaits (an unhandled rejection that kills the process, or a write that finishes
// after the answer) and an expression whose value nobody uses.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/results/', 'openapi/', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The TypeScript project service gives the rules below the types tsc sees (tsconfig.json).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Log through pino in src/ (style.md, rule 7); the CLIs, bench and soak print to a terminal.
      'no-console': 'error',
      // `_name` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A fire-and-forget is written `void promise` with a comment saying why nothing waits for it.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: false, allowTernary: false }],
    },
  },
  // Plain JavaScript (this file, src/preflight.mjs) is outside tsconfig.json: no type information, so no type-aware rules.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', URL: 'readonly' } } },
  { files: ['src/cli/**', 'src/demo/**', 'bench/**', 'soak/**', 'test/**', '.ci/**'], rules: { 'no-console': 'off' } },
  // Tests, benchmarks and the soak read JSON answers as they come; a type per answer would say nothing their checks do not.
  { files: ['test/**', 'bench/**', 'soak/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The long-running scripts set a result before a loop that may end before its first pass.
  { files: ['bench/**', 'soak/**'], rules: { 'no-useless-assignment': 'off' } },
);
