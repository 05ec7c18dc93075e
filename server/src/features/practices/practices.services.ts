import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { FeatureDeps } from '../index.ts';
import { createAdoptionsService } from './adoptions.service.ts';
import { createCurationService } from './curation.service.ts';
import { createFlowsService } from './flows.service.ts';
import { createPracticesService } from './practices.service.ts';
import { REMINDERS_JOB_KIND } from './reminders.job.ts';

/** The practice-transfer services, wired once from the shared dependencies. */
export function createPracticeServices(deps: FeatureDeps) {
  const practices = createPracticesService({ db: deps.db, clock: deps.clock, searchConcurrency: deps.config.searchConcurrency });
  return {
    practices,
    curation: createCurationService({ db: deps.db, clock: deps.clock, practices }),
    adoptions: createAdoptionsService({ db: deps.db, clock: deps.clock, timeZone: deps.config.timeZone, auditBuffer: deps.auditBuffer, practices }),
    flows: createFlowsService({ db: deps.db, practices }),
    reminders: {
      /** Queues a reminders run for a programme (its staff); the job sends only what was never sent. */
      async enqueue(actor: Actor, programmeId: string) {
        await practices.programmeFor(actor, programmeId);
        const runId = await deps.jobs.enqueue(REMINDERS_JOB_KIND, { programmeId }, actor);
        await recordAudit(deps.db, { actor, action: 'adoption_check_in.reminders', entity: 'programme', entityId: programmeId, details: { runId } });
        return { runId };
      },
    },
  };
}

export type PracticeServices = ReturnType<typeof createPracticeServices>;
