// The linter CI runs beside the type check: ESLint's and typescript-eslint's recommended
// rules (syntax-level, no type information, so it stays fast), with the project's habits.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/results/', 'openapi/', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Log through pino in src/ (style.md, rule 7); the CLIs, bench and soak print to a terminal.
      'no-console': 'error',
      // `_name` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['src/cli/**', 'src/demo/**', 'bench/**', 'soak/**', 'test/**', '.ci/**'], rules: { 'no-console': 'off' } },
  // Tests, benchmarks and the soak read JSON answers as they come; a type per answer would say nothing their checks do not.
  { files: ['test/**', 'bench/**', 'soak/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The long-running scripts set a result before a loop that may end before its first pass.
  { files: ['bench/**', 'soak/**'], rules: { 'no-useless-assignment': 'off' } },
);
