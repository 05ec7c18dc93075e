import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createAuditBuffer } from './lib/audit.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import { createSecretBox } from './lib/secret-box.ts';
import type { ChangeFeed } from './lib/change-feed.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createSessionCache } from './features/auth/session-cache.ts';

/** The services the HTTP app, the job workers and the CLI share, built once from the same pieces. */
export function createCoreServices(options: {
  config: Config;
  db: Database;
  appSecret: string;
  clock?: Clock;
  mailer?: Mailer;
  /** Present when the process may cache (the server): caches listen to it to learn of changes. */
  changeFeed?: ChangeFeed;
  /** Where failures of work done after the response (batched audit writes) are reported. */
  onBackgroundError?: (error: unknown) => void;
}) {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? createMailer({ db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const secretBox = createSecretBox(options.appSecret);
  const auth = createAuthService({
    db,
    clock,
    mailer,
    secretBox,
    publicUrl: config.publicUrl,
    sessionIdleMs: config.sessionIdleMs,
    sessionAbsoluteMs: config.sessionAbsoluteMs,
    sessionCache: options.changeFeed ? createSessionCache(options.changeFeed) : undefined,
  });
  const auditBuffer = createAuditBuffer(db, { onError: options.onBackgroundError ?? (() => undefined) });
  return { clock, mailer, secretBox, auth, auditBuffer };
}

export type CoreServices = ReturnType<typeof createCoreServices>;
