import { RosterPageSchema, type RegionsSummary, type RosterExportQuery, type RosterFilter, type RosterItem, type RosterQuery } from '@ms/contracts/people';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale, MessageKey } from '../../lib/messages.ts';
import { createLruCache } from '../../lib/lru-cache.ts';
import { toCachedJson, type CachedJson } from '../../plugins/cached-json.ts';
import { compileJsonSerializer } from '../../plugins/serializer.ts';
import { pageOffset } from '../../lib/pagination.ts';
import { canViewNode } from '../programmes/programmes.policy.ts';
import { createProgrammesRepo } from '../programmes/programmes.repo.ts';
import { rosterAccess, type RosterAccess } from './people.policy.ts';
import { buildCsv, buildXlsx, type Cell } from './roster.export.ts';
import { createRosterRepo, type RosterRow, type RosterSelection } from './roster.repo.ts';

export const fullName = (p: { lastName: string; firstName: string; middleName: string | null }): string =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

function checkAgeRange(filter: RosterFilter): void {
  if (filter.ageMin !== undefined && filter.ageMax !== undefined && filter.ageMin > filter.ageMax) {
    throw new AppError('validation', { fields: [{ path: 'querystring.ageMax', key: 'field.min_above_max' }] });
  }
}

function toItem(row: RosterRow): RosterItem {
  return {
    personId: row.personId,
    fullName: fullName(row),
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    birthDate: row.birthDate,
    age: row.age,
    position: row.position,
    municipalityName: row.municipalityName,
    regionCode: row.regionCode,
    regionNameRu: row.regionNameRu,
    regionNameEn: row.regionNameEn,
    federalDistrict: row.federalDistrict,
    email: row.email,
    phone: row.phone,
    status: row.status as RosterItem['status'],
    enrolledAt: row.enrolledAt.toISOString(),
  };
}

const serializeRosterPage = compileJsonSerializer(RosterPageSchema);

const EXPORT_COLUMNS: MessageKey[] = [
  'roster.col.full_name',
  'roster.col.birth_date',
  'roster.col.age',
  'roster.col.position',
  'roster.col.municipality',
  'roster.col.region_code',
  'roster.col.region',
  'roster.col.federal_district',
  'roster.col.email',
  'roster.col.phone',
  'roster.col.status',
  'roster.col.enrolled_at',
];

/** Stream rosters: who may read which rows, paging, exports and the per-region summary. */
export function createRosterService(deps: { db: Database; timeZone: string; auditBuffer: AuditBuffer }) {
  const programmes = createProgrammesRepo(deps.db);
  const repo = createRosterRepo(deps.db);
  // The programme's zone applies only when a time is shown or exported.
  // Pages keyed by the roster revision read with the stream (one query): a hit costs no roster query.
  // Bytes and gzip made once per fill: a hit then costs neither encoding nor compression.
  const pages = createLruCache<{ body: CachedJson; rowCount: number; total: number }>(1000);
  const dateInZone = new Intl.DateTimeFormat('sv-SE', { timeZone: deps.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

  /** 404 for a stream the actor cannot see at all; 403 for one they see but may not read the roster of. */
  async function openStream(actor: Actor, streamId: string, need: 'roster' | 'view') {
    const stream = await programmes.findStreamPath(streamId);
    if (!stream) throw new AppError('not_found');
    const path = { organisationId: stream.organisationId, programmeId: stream.programmeId, streamId: stream.streamId };
    const access = rosterAccess(actor, path);
    if (access) return { stream, access };
    const isVisible = canViewNode(await programmes.resolveScopes(actor), { ...path, intakeId: stream.intakeId });
    if (!isVisible) throw new AppError('not_found');
    if (need === 'roster') throw new AppError('forbidden');
    return { stream, access: null };
  }

  const selection = (stream: { streamId: string; startsOn: string }, access: RosterAccess, filter: RosterFilter, locale: Locale): RosterSelection => ({
    streamId: stream.streamId,
    startsOn: stream.startsOn,
    accessRegions: access.regions,
    filter,
    locale,
  });

  return {
    /**
     * One page of a stream's roster as JSON text of RosterPageSchema (cached per roster revision, so a
     * repeated read costs one small query); the read of personal data is audited with the row count.
     */
    async listRosterJson(actor: Actor, streamId: string, query: RosterQuery, locale: Locale, ip: string | null): Promise<CachedJson> {
      checkAgeRange(query);
      const { stream, access } = await openStream(actor, streamId, 'roster');
      const s = selection(stream, access!, query, locale);
      const key = JSON.stringify([stream.rosterRevision, s, query.page, query.pageSize]);
      let page = pages.get(key);
      if (!page) {
        const rows = await repo.findRosterPage(s, { limit: query.pageSize, offset: pageOffset(query.page, query.pageSize) });
        const total = rows[0]?.total ?? (query.page > 1 ? await repo.countRoster(s) : 0);
        const body = toCachedJson(serializeRosterPage({ items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize }));
        page = { body, rowCount: rows.length, total };
        pages.set(key, page);
      }
      const { rowCount, total } = page;
      deps.auditBuffer.record({
        actor,
        action: 'person.read',
        entity: 'stream',
        entityId: streamId,
        ip,
        details: { streamId, rowCount, total, page: query.page, ...(access!.regions ? { regions: access!.regions } : {}) },
      });
      return page.body;
    },

    /** Every matching row as CSV or XLSX, column names and statuses in the reader's language. */
    async exportRoster(actor: Actor, streamId: string, query: RosterExportQuery, locale: Locale, ip: string | null) {
      checkAgeRange(query);
      const { stream, access } = await openStream(actor, streamId, 'roster');
      const rows = await repo.findRosterRows(selection(stream, access!, query, locale));
      const header = EXPORT_COLUMNS.map((key) => translate(locale, key));
      const cells: Cell[][] = rows.map((row) => [
        fullName(row),
        row.birthDate,
        row.age,
        row.position,
        row.municipalityName,
        row.regionCode,
        locale === 'en' ? row.regionNameEn : row.regionNameRu,
        locale === 'en' ? row.federalDistrictNameEn : row.federalDistrictNameRu,
        row.email,
        row.phone,
        translate(locale, `enrolment.status.${row.status}` as MessageKey),
        dateInZone.format(row.enrolledAt),
      ]);
      const body = query.format === 'xlsx' ? await buildXlsx(translate(locale, 'roster.sheet'), header, cells) : buildCsv(header, cells);
      await recordAudit(deps.db, {
        actor,
        action: 'person.read',
        entity: 'stream',
        entityId: streamId,
        ip,
        details: { streamId, rowCount: rows.length, export: query.format, ...(access!.regions ? { regions: access!.regions } : {}) },
      });
      return {
        body,
        fileName: `roster-${stream.streamId.slice(0, 8)}.${query.format}`,
        contentType:
          query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      };
    },

    /** Participant counts per region: aggregate numbers, so anyone who can see the stream may read them. */
    async summariseRegions(actor: Actor, streamId: string): Promise<RegionsSummary> {
      await openStream(actor, streamId, 'view');
      const rows = await repo.summariseRegions(streamId);
      const items = rows.filter((row) => row.regionCode !== null).map((row) => ({ regionCode: row.regionCode!, count: row.count }));
      return { items, total: rows.reduce((sum, row) => sum + row.count, 0), regionCount: items.length };
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
