import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { deliverMail } from './questions.mail.ts';
import { purgeExpiredContacts } from './questions.service.ts';

type Timers = {
  setInterval: (callback: () => void, ms: number) => NodeJS.Timeout;
  clearInterval: (timer: NodeJS.Timeout) => void;
};

/**
 * Runs `task` once now and then every `intervalMs`, never two at a time. Returns the function that
 * stops it. The timer is unref'd so it never keeps a process alive on its own.
 */
export function scheduleRepeating(
  task: () => Promise<void>,
  intervalMs: number,
  timers: Timers = { setInterval, clearInterval },
): { first: Promise<void>; stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return running;
    running = task().finally(() => {
      running = null;
    });
    return running;
  };
  const first = tick();
  const timer = timers.setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  return {
    first,
    stop: async () => {
      timers.clearInterval(timer);
      await running;
    },
  };
}

/** One pass: purge expired contact data, then retry queued mail. Failures are logged, not thrown. */
export async function runQuestionMaintenance(deps: AppDeps, log: (error: unknown) => void): Promise<number> {
  try {
    const purged = await purgeExpiredContacts(
      { db: deps.db, user: null, via: 'system', now: deps.now },
      { retentionDays: deps.config.questions.contactRetentionDays },
    );
    await deliverMail(deps.db, deps.config.smtp, deps.now);
    return purged;
  } catch (error) {
    log(error);
    return 0;
  }
}

/** The server purges at start and then every QUESTION_PURGE_INTERVAL_MINUTES; closing the app stops it. */
export function startQuestionMaintenance(app: FastifyInstance, deps: AppDeps) {
  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    const schedule = scheduleRepeating(async () => {
      const purged = await runQuestionMaintenance(deps, (error) =>
        app.log.error({ err: error }, 'question maintenance failed'),
      );
      if (purged > 0) app.log.info({ purged }, 'deleted the contact data of closed questions');
    }, deps.config.questions.purgeIntervalMinutes * 60_000);
    stop = schedule.stop;
    await schedule.first;
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}
