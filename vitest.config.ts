import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          // Each test file gets its own database cloned from a template; two cores, so two forks.
          pool: 'forks',
          maxWorkers: 2,
          // Runs after the quick web tests (projects with different worker counts need their own group).
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
