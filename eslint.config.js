// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const DRIVERS = ['pg', 'pg-copy-streams', 'kafkajs', '@electric-sql/pglite'];

/** The layering of ARCHITECTURE.md: which folder may import which. */
function layer(
  files,
  forbiddenFolders,
  extra = [],
  message = 'crosses a layer boundary (see ARCHITECTURE.md, Layout)',
) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbiddenFolders.map((folder) => `**/${folder}/**`), message },
            ...extra,
          ],
        },
      ],
    },
  };
}

const driversOnlyInInfra = {
  group: DRIVERS,
  message: 'only infra/ talks to databases and brokers',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '**/dist',
      'test-results',
      'playwright-report',
      '.firn',
      '.cache',
      'scripts/**',
      // electron-builder's output (electron-builder.yml): packaged copies of the sources.
      'release',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  layer(
    ['core/**/*.ts'],
    ['infra', 'server', 'workers', 'renderer', 'electron', 'cli'],
    [
      {
        group: ['node:*', ...DRIVERS, 'express', 'react', 'ws', 'pino'],
        message: 'core/ is pure TypeScript: no I/O',
      },
    ],
  ),
  layer(['infra/**/*.ts'], ['server', 'workers', 'renderer', 'electron', 'cli']),
  layer(['server/**/*.ts'], ['workers', 'renderer', 'electron', 'cli'], [driversOnlyInInfra]),
  layer(['workers/**/*.ts'], ['server', 'renderer', 'electron', 'cli'], [driversOnlyInInfra]),
  layer(['cli/**/*.ts'], ['renderer', 'electron'], [driversOnlyInInfra]),
  layer(
    ['electron/**/*.ts'],
    ['infra', 'server', 'workers', 'renderer', 'cli'],
    [driversOnlyInInfra],
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['infra', 'server', 'workers', 'electron', 'cli'],
    [
      {
        group: ['node:*', ...DRIVERS, 'express', 'ws', 'pino'],
        message: 'the renderer runs in a browser sandbox',
      },
    ],
  ),
  {
    // Tests may read fixture files from disk; they are never shipped.
    files: ['core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
