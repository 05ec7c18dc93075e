import { and, asc, count, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, admissionTestAnswers, admissionTestAttemptBlocks, admissionTestAttempts, admissionTestQuestions } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import type { AttemptBlock } from './test-blocks.ts';

// One array parameter (node-postgres sends it as a PostgreSQL array); a bare JS array in sql`` would
// expand into a parenthesised list of parameters instead.
const column = (values: unknown[]) => sql.param(values);

/** The campaign's test window, as the candidate's page shows it. */
export interface TestWindow {
  campaignId: string;
  testOpensAt: Date | null;
  testClosesAt: Date | null;
  testDurationMinutes: number | null;
}

/** An attempt with its saved answers (question id → answer) and its blocks in order. */
export type AttemptWithAnswers = typeof admissionTestAttempts.$inferSelect & { answers: Record<string, unknown>; blocks: AttemptBlock[] };

const savedAnswers = sql<Record<string, unknown>>`coalesce((select jsonb_object_agg(x.question_id, x.answer) from ${admissionTestAnswers} x where x.attempt_id = ${admissionTestAttempts.id}), '{}'::jsonb)`;

type JsonBlock = Omit<AttemptBlock, 'startedAt' | 'deadlineAt' | 'finishedAt'> & { startedAt: string | null; deadlineAt: string | null; finishedAt: string | null };
// The attempt's blocks travel with the page's one query; jsonb carries the times as ISO strings.
const attemptBlocks = sql<JsonBlock[]>`coalesce((select jsonb_agg(jsonb_build_object('position', b.position, 'blockId', b.block_id, 'timeLimitMinutes', b.time_limit_minutes,
  'questionOrder', b.question_order, 'startedAt', b.started_at, 'deadlineAt', b.deadline_at, 'finishedAt', b.finished_at) order by b.position)
  from ${admissionTestAttemptBlocks} b where b.attempt_id = ${admissionTestAttempts.id}), '[]'::jsonb)`;
const toDate = (value: string | null) => (value === null ? null : new Date(value));
const fromJson = (blocks: JsonBlock[]): AttemptBlock[] => blocks.map((b) => ({ ...b, startedAt: toDate(b.startedAt), deadlineAt: toDate(b.deadlineAt), finishedAt: toDate(b.finishedAt) }));

/** The online test: questions, attempts and answers. */
export function createTestRepo(db: Executor) {
  return {
    listQuestions(campaignId: string) {
      return db.select().from(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId)).orderBy(asc(admissionTestQuestions.position));
    },

    async countAttempts(campaignId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(admissionTestAttempts)
        .innerJoin(admissionApplications, eq(admissionApplications.id, admissionTestAttempts.applicationId))
        .where(eq(admissionApplications.campaignId, campaignId));
      return row?.n ?? 0;
    },

    /** Replaces the bank's questions (their blocks must be deleted first); returns the new ids in the given order. */
    async replaceQuestions(campaignId: string, questions: Array<Omit<typeof admissionTestQuestions.$inferInsert, 'campaignId'>>): Promise<string[]> {
      await db.delete(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId));
      if (questions.length === 0) return [];
      const rows = await db.insert(admissionTestQuestions).values(questions.map((q) => ({ ...q, campaignId }))).returning({ id: admissionTestQuestions.id, position: admissionTestQuestions.position });
      const byPosition = new Map(rows.map((r) => [r.position, r.id]));
      return questions.map((q) => byPosition.get(q.position)!);
    },

    async setWindow(campaignId: string, values: { testOpensAt: Date; testClosesAt: Date; testDurationMinutes: number; updatedAt: Date }) {
      await db.update(admissionCampaigns).set(values).where(eq(admissionCampaigns.id, campaignId));
    },

    async findAttempt(applicationId: string, options: { isLocking?: boolean } = {}) {
      const query = db.select().from(admissionTestAttempts).where(eq(admissionTestAttempts.applicationId, applicationId));
      const [row] = options.isLocking ? await query.for('update') : await query;
      return row ?? null;
    },

    /** The attempt with its saved answers (question id → answer) in one round trip. */
    async findAttemptWithAnswers(applicationId: string): Promise<AttemptWithAnswers | null> {
      const [row] = await db
        .select({ ...getTableColumns(admissionTestAttempts), answers: savedAnswers, blocks: attemptBlocks })
        .from(admissionTestAttempts)
        .where(eq(admissionTestAttempts.applicationId, applicationId));
      return row ? { ...row, blocks: fromJson(row.blocks) } : null;
    },

    /**
     * The test page in one round trip: the candidate's own application (anyone else's is not found),
     * its campaign's test window, the attempt and the saved answers. 2,000 candidates open the page at
     * the start of a test; the application's full row is not needed for it.
     */
    async findOwnTest(applicationId: string, owner: { userId: string | null; personId: string | null }): Promise<{ window: TestWindow; attempt: AttemptWithAnswers | null } | null> {
      const { id, questionOrder, startedAt, deadlineAt, finishedAt, score, applicationId: attemptApplicationId } = getTableColumns(admissionTestAttempts);
      const [row] = await db
        .select({
          campaignId: admissionCampaigns.id,
          testOpensAt: admissionCampaigns.testOpensAt,
          testClosesAt: admissionCampaigns.testClosesAt,
          testDurationMinutes: admissionCampaigns.testDurationMinutes,
          attempt: { id, applicationId: attemptApplicationId, questionOrder, startedAt, deadlineAt, finishedAt, score },
          answers: savedAnswers,
          blocks: attemptBlocks,
        })
        .from(admissionApplications)
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
        .leftJoin(admissionTestAttempts, eq(admissionTestAttempts.applicationId, admissionApplications.id))
        .where(
          and(
            eq(admissionApplications.id, applicationId),
            or(owner.userId ? eq(admissionApplications.userId, owner.userId) : sql`false`, owner.personId ? eq(admissionApplications.personId, owner.personId) : sql`false`),
          ),
        );
      if (!row) return null;
      const { attempt, answers, blocks, ...window } = row;
      return { window, attempt: attempt ? { ...attempt, answers, blocks: fromJson(blocks) } : null };
    },

    /** Starts the attempt unless one exists (a second start returns the first: the deadline never moves); the new id, or null. */
    async insertAttempt(values: typeof admissionTestAttempts.$inferInsert): Promise<string | null> {
      const [row] = await db.insert(admissionTestAttempts).values(values).onConflictDoNothing({ target: admissionTestAttempts.applicationId }).returning({ id: admissionTestAttempts.id });
      return row?.id ?? null;
    },

    listAnswers(attemptId: string) {
      return db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.attemptId, attemptId));
    },

    async saveAnswer(values: typeof admissionTestAnswers.$inferInsert) {
      await db
        .insert(admissionTestAnswers)
        .values(values)
        .onConflictDoUpdate({ target: [admissionTestAnswers.attemptId, admissionTestAnswers.questionId], set: { answer: values.answer, answeredAt: values.answeredAt } });
    },

    /**
     * The hot path of 2,000 candidates answering at once: ownership, the open attempt, the question in
     * the candidate's currently open block before that block's deadline, and the answer's shape, checked
     * and saved in one statement. False when any check fails; the caller then finds out which, to say why.
     */
    async saveAnswerIfAllowed(values: { applicationId: string; owner: { userId: string | null; personId: string | null }; questionId: string; answer: unknown; now: Date }): Promise<boolean> {
      const answer = JSON.stringify(values.answer);
      const result = await db.execute(sql`
        insert into ${admissionTestAnswers} (attempt_id, question_id, answer, answered_at)
        select t.id, q.id, ${answer}::jsonb, ${values.now.toISOString()}
        from ${admissionTestAttempts} t
        join ${admissionApplications} a on a.id = t.application_id
        join ${admissionTestQuestions} q on q.id = ${values.questionId} and q.campaign_id = a.campaign_id
        join ${admissionTestAttemptBlocks} b on b.attempt_id = t.id and b.question_order ? ${values.questionId}
        where t.application_id = ${values.applicationId}
          and (a.user_id = ${values.owner.userId} or a.person_id = ${values.owner.personId})
          and t.finished_at is null and t.deadline_at > ${values.now.toISOString()}
          -- The question's block is open: a block never opened has no deadline, so this is false for it.
          and b.finished_at is null and b.deadline_at > ${values.now.toISOString()}
          and case when q.kind = 'numeric' then jsonb_typeof(${answer}::jsonb) = 'number'
                   else jsonb_typeof(${answer}::jsonb) = 'array' and (q.kind = 'multiple' or jsonb_array_length(${answer}::jsonb) <= 1) end
        -- Waits for a finish in progress, then sees the attempt or the block finished (see saveAnswersIfAllowed).
        for key share of t for share of b
        on conflict (attempt_id, question_id) do update set answer = excluded.answer, answered_at = excluded.answered_at`);
      return (result.rowCount ?? 0) === 1;
    },

    /**
     * The group-commit form of saveAnswerIfAllowed: the same checks, for a batch of answers in one
     * statement and one commit. Returns the positions (0-based) of the answers accepted; the others
     * were refused and the caller explains each on its own. The same question answered twice in one
     * batch keeps the later answer, as two requests one after the other would. FOR KEY SHARE makes an
     * answer racing the candidate's finish wait for it and then see the attempt finished (the finish
     * holds the attempt FOR UPDATE while it scores), so nothing lands after the score was computed.
     * The block's row is locked FOR SHARE for the same reason: finishing a block updates that row, so an
     * answer racing it waits, and PostgreSQL re-checks the newest row (finished: refused). A condition
     * in a subquery would be re-checked against the statement's old snapshot and let the answer in.
     */
    async saveAnswersIfAllowed(items: ReadonlyArray<{ applicationId: string; owner: { userId: string | null; personId: string | null }; questionId: string; answer: unknown; now: Date }>): Promise<Set<number>> {
      const result = await db.execute<{ n: number }>(sql`
        with input as (
          select * from unnest(
            ${column(items.map((_, i) => i))}::int[], ${column(items.map((i) => i.applicationId))}::uuid[], ${column(items.map((i) => i.owner.userId))}::uuid[],
            ${column(items.map((i) => i.owner.personId))}::uuid[], ${column(items.map((i) => i.questionId))}::uuid[],
            ${column(items.map((i) => JSON.stringify(i.answer)))}::text[], ${column(items.map((i) => i.now.toISOString()))}::timestamptz[]
          ) as u(n, application_id, user_id, person_id, question_id, answer, answered_at)),
        accepted as (
          select u.n, x.attempt_id, u.question_id, u.answer::jsonb as answer, u.answered_at
          from input u
          -- Per input row, every lookup by key: a join over the whole batch lets the planner scan the
          -- campaign's applications (it did, on fresh tables), and a subquery that locks is never flattened.
          cross join lateral (
            select t.id as attempt_id
            from ${admissionTestAttempts} t
            join ${admissionApplications} a on a.id = t.application_id
            join ${admissionTestQuestions} q on q.id = u.question_id and q.campaign_id = a.campaign_id
            join ${admissionTestAttemptBlocks} b on b.attempt_id = t.id and b.question_order ? u.question_id::text
            where t.application_id = u.application_id and (a.user_id = u.user_id or a.person_id = u.person_id)
              and t.finished_at is null and t.deadline_at > u.answered_at
              -- The question's block is open (a block never opened has no deadline: false).
              and b.finished_at is null and b.deadline_at > u.answered_at
              and case when q.kind = 'numeric' then jsonb_typeof(u.answer::jsonb) = 'number'
                       else jsonb_typeof(u.answer::jsonb) = 'array' and (q.kind = 'multiple' or jsonb_array_length(u.answer::jsonb) <= 1) end
            for key share of t for share of b) x),
        written as (
          insert into ${admissionTestAnswers} (attempt_id, question_id, answer, answered_at)
          -- Sorted, so that two batches in flight take the answers' row locks in the same order.
          select distinct on (attempt_id, question_id) attempt_id, question_id, answer, answered_at from accepted
          order by attempt_id, question_id, n desc
          on conflict (attempt_id, question_id) do update set answer = excluded.answer, answered_at = excluded.answered_at)
        select n from accepted`);
      return new Set(result.rows.map((r) => Number(r.n)));
    },

    async finishAttempt(attemptId: string, applicationId: string, score: number, now: Date) {
      await db.update(admissionTestAttempts).set({ finishedAt: now, score }).where(and(eq(admissionTestAttempts.id, attemptId), sql`${admissionTestAttempts.finishedAt} is null`));
      await db.update(admissionApplications).set({ testScore: score, updatedAt: now }).where(eq(admissionApplications.id, applicationId));
    },
  
    /**
     * Scores, in one statement, every attempt of the campaign whose time is up and that nobody finished
     * (a lost connection at the end must not lose the score). Same rule and rounding as scoreTest:
     * choices compare as sets, numbers within the tolerance in double precision, Math.round as floor(x + 0.5).
     * No answer can change meanwhile: the server refuses answers after the deadline.
     */
    async scoreExpiredAttempts(campaignId: string, now: Date): Promise<number> {
      const result = await db.execute(sql`
        with due as (
          select t.id, t.application_id, t.question_order from ${admissionTestAttempts} t
          join ${admissionApplications} a on a.id = t.application_id
          where a.campaign_id = ${campaignId} and t.finished_at is null and t.deadline_at <= ${now.toISOString()}),
        per_question as (
          select d.id, d.application_id, q.points,
            case when ans.answer is null then false
                 when q.kind = 'numeric' then jsonb_typeof(ans.answer) = 'number'
                   and abs((ans.answer #>> '{}')::float8 - (q.correct ->> 'value')::float8) <= coalesce((q.correct ->> 'tolerance')::float8, 0)
                 -- Containment both ways is set equality for arrays of keys (order and repeats ignored).
                 else jsonb_typeof(ans.answer) = 'array' and ans.answer @> q.correct and q.correct @> ans.answer
            end as is_correct
          from due d
          join ${admissionTestQuestions} q on q.campaign_id = ${campaignId} and d.question_order ? q.id::text
          left join ${admissionTestAnswers} ans on ans.attempt_id = d.id and ans.question_id = q.id),
        scored as (
          select id, application_id,
            case when sum(points) = 0 then 0::float8
                 else floor(sum(points) filter (where is_correct)::float8 / sum(points)::float8 * 10000 + 0.5) / 100 end as score
          from per_question group by id, application_id),
        attempts as (
          update ${admissionTestAttempts} t set finished_at = ${now.toISOString()}, score = coalesce(s.score, 0)
          -- Re-checked on a row a candidate's own finish has just updated: that score stands.
          from scored s where t.id = s.id and t.finished_at is null returning t.application_id, t.score)
        update ${admissionApplications} a set test_score = attempts.score, updated_at = ${now.toISOString()}
        from attempts where a.id = attempts.application_id`);
      return result.rowCount ?? 0;
    },
  };
}
