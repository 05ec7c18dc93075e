import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { AuditBuffer } from '../lib/audit.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobQueue } from '../lib/jobs.ts';
import type { Mailer } from '../lib/mailer.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import type { AuthService } from './auth/auth.service.ts';
import { registerJobRoutes } from './jobs/jobs.routes.ts';
import { registerUserRoutes } from './users/users.routes.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerOutboxRoutes } from './outbox/outbox.routes.ts';
import { registerPrivacyRoutes } from './privacy/privacy.routes.ts';
import { registerProgrammeRoutes } from './programmes/programmes.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerReferenceRoutes } from './reference/reference.routes.ts';
import { registerImportRoutes } from './imports/imports.routes.ts';
import { registerScheduleRoutes } from './schedule/schedule.routes.ts';
import { registerAssignmentRoutes } from './assignments/assignments.routes.ts';
import { registerCompletionRoutes } from './completion/completion.routes.ts';
import { registerPracticeRoutes } from './practices/practices.routes.ts';
import { registerAdmissionRoutes } from './admissions/admissions.routes.ts';
import { registerDiplomaRoutes } from './diplomas/diplomas.routes.ts';
import { registerTeamRoutes } from './teams/teams.routes.ts';
import { registerImprovementRoutes } from './improvements/improvements.routes.ts';
import { registerProjectRoutes } from './projects/projects.routes.ts';

/** What every feature may depend on; each feature builds its own service from these. */
export interface FeatureDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  auth: AuthService;
  /** Batched audit of reads on hot paths. */
  auditBuffer: AuditBuffer;
  config: Config;
  jobs: JobQueue;
  /** HMAC keyed by the app secret (rotating check-in codes). */
  secretBox: SecretBox;
}

/** The one place where features join the app: a new capability adds one line here. */
export function registerFeatures(app: FastifyInstance, deps: FeatureDeps): void {
  registerJobRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerReferenceRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerScheduleRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerCompletionRoutes(app, deps);
  registerPracticeRoutes(app, deps);
  registerAdmissionRoutes(app, deps);
  registerDiplomaRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerImprovementRoutes(app, deps);
  registerProjectRoutes(app, deps);
}
