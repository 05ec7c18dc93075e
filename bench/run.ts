import { benchAdmissions } from './scenarios/admissions.ts';
import { benchGradebook } from './scenarios/gradebook.ts';
import { benchImport } from './scenarios/import.ts';
import { benchApplicationsImport } from './scenarios/applications-import.ts';
import { benchRoster } from './scenarios/roster.ts';
import { benchSchedule } from './scenarios/schedule.ts';
import { benchStartup } from './scenarios/startup.ts';
import { benchPractices } from './scenarios/practices.ts';
import { benchTeams } from './scenarios/teams.ts';
import { benchDiplomas } from './scenarios/diplomas.ts';

/**
 * `npm run bench`: each scenario measures its target against a baseline taken in the same run on
 * this machine and prints PASS/MISS lines. Timings live here, never in tests. The servers run in this
 * process, so it runs with the V8 flag `npm start` gives the server (--max-semi-space-size=64, see the
 * README's Configuration).
 */
const SCENARIOS: Record<string, () => Promise<void>> = {
  roster: benchRoster,
  import: benchImport,
  'applications-import': benchApplicationsImport,
  startup: benchStartup,
  schedule: benchSchedule,
  practices: benchPractices,
  admissions: benchAdmissions,
  gradebook: benchGradebook,
  teams: benchTeams,
  diplomas: benchDiplomas,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(SCENARIOS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n== ${name}\n`);
  await run();
}
