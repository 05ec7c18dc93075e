/**
 * The environment for a real server or CLI process a test spawns: this process's own (PATH for
 * pg_dump and node, locale) plus the child's configuration. Tests live outside src/, where only
 * config.ts may read the environment.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
