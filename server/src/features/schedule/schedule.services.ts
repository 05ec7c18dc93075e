import type { FeatureDeps } from '../index.ts';
import { createAttendanceReportService } from './attendance-report.service.ts';
import { createAttendanceService } from './attendance.service.ts';
import { createFeedsService } from './feeds.service.ts';
import { createScheduleService } from './schedule.service.ts';
import { createSessionsService } from './sessions.service.ts';
import { createSiteVisitsService } from './site-visits.service.ts';
import { createTimetableService } from './timetable.service.ts';
import { createTravelService } from './travel.service.ts';

/** The schedule feature's services, wired once from the shared dependencies. */
export function createScheduleServices(deps: FeatureDeps) {
  const schedule = createScheduleService(deps);
  const sessions = createSessionsService({ db: deps.db, schedule });
  const timetable = createTimetableService({ db: deps.db, auditBuffer: deps.auditBuffer, schedule });
  return {
    schedule,
    sessions,
    timetable,
    travel: createTravelService({ db: deps.db, auditBuffer: deps.auditBuffer, schedule, timetable }),
    feeds: createFeedsService({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, schedule, timetable }),
    attendance: createAttendanceService({ db: deps.db, clock: deps.clock, secretBox: deps.secretBox, auditBuffer: deps.auditBuffer, sessions }),
    siteVisits: createSiteVisitsService({ db: deps.db, auditBuffer: deps.auditBuffer, schedule, sessions }),
    reports: createAttendanceReportService({ db: deps.db, clock: deps.clock, auditBuffer: deps.auditBuffer, schedule }),
  };
}

export type ScheduleServices = ReturnType<typeof createScheduleServices>;
