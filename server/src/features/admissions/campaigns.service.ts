import type { Campaign, CreateCampaignBody, UpdateCampaignBody } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import { requireStaffAnywhere, type Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { canManageNode } from '../programmes/programmes.policy.ts';
import { canManageCampaign, nominationRegions, requireCampaignManager } from './admissions.policy.ts';
import { toCampaign } from './admissions.present.ts';
import { createCampaignsRepo, type CampaignRow } from './campaigns.repo.ts';

type Meta = { ip: string | null };

function checkDates(opensAt: Date, closesAt: Date): void {
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw new AppError('validation', { fields: [{ path: 'body.closesAt', key: 'admissions.close_before_open' }] });
  }
}

/** Campaign setup by the programme's staff: create, edit, list, regional nomination quotas. */
export function createCampaignsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createCampaignsRepo(db);

  /** The campaign if the actor manages it; 404 otherwise (also for unknown ids). */
  async function managedCampaign(actor: Actor, id: string): Promise<CampaignRow> {
    const row = await repo.findCampaign(id);
    if (!row) throw new AppError('not_found');
    requireCampaignManager(actor, row);
    return row;
  }

  async function present(row: CampaignRow): Promise<Campaign> {
    const counts = await repo.countByStatus([row.campaign.id]);
    return toCampaign(row, clock.now(), counts.get(row.campaign.id) ?? {});
  }

  return {
    managedCampaign,

    /** Campaigns the actor manages, and those with a nomination gate where the actor nominates (without counts). */
    async listCampaigns(actor: Actor, filter: { intakeId?: string }): Promise<Campaign[]> {
      const rows = (await repo.listCampaigns(filter)).filter(
        (row) => canManageCampaign(actor, row) || (row.campaign.hasNominationGate && nominationRegions(actor, row) !== null),
      );
      const managed = rows.filter((row) => canManageCampaign(actor, row)).map((r) => r.campaign.id);
      const counts = await repo.countByStatus(managed);
      const now = clock.now();
      return rows.map((row) => toCampaign(row, now, counts.get(row.campaign.id) ?? {}));
    },

    async getCampaign(actor: Actor, id: string): Promise<Campaign> {
      return present(await managedCampaign(actor, id));
    },

    async createCampaign(actor: Actor, body: CreateCampaignBody, meta: Meta): Promise<Campaign> {
      requireStaffAnywhere(actor);
      const path = await repo.findIntakePath(body.intakeId);
      if (!path || !canManageNode(actor, { organisationId: path.organisationId, programmeId: path.programmeId })) {
        throw new AppError('validation', { fields: [{ path: 'body.intakeId', key: 'field.unknown_scope' }] });
      }
      const opensAt = new Date(body.opensAt);
      const closesAt = new Date(body.closesAt);
      checkDates(opensAt, closesAt);
      const id = await db.transaction(async (tx) => {
        const row = await createCampaignsRepo(tx).insertCampaign({ ...body, opensAt, closesAt });
        if (!row) throw new AppError('conflict', { fields: [{ path: 'body.slug', key: 'admissions.slug_taken' }] });
        await recordAudit(tx, { actor, action: 'admission_campaign.create', entity: 'admission_campaign', entityId: row.id, ip: meta.ip });
        return row.id;
      });
      return present((await repo.findCampaign(id))!);
    },

    async updateCampaign(actor: Actor, id: string, body: UpdateCampaignBody, meta: Meta): Promise<Campaign> {
      const row = await managedCampaign(actor, id);
      const opensAt = body.opensAt ? new Date(body.opensAt) : row.campaign.opensAt;
      const closesAt = body.closesAt ? new Date(body.closesAt) : row.campaign.closesAt;
      checkDates(opensAt, closesAt);
      if (body.slug && (await repo.slugTakenByOther(body.slug, id))) {
        throw new AppError('conflict', { fields: [{ path: 'body.slug', key: 'admissions.slug_taken' }] });
      }
      await db.transaction(async (tx) => {
        await createCampaignsRepo(tx).updateCampaign(id, { ...body, opensAt, closesAt, updatedAt: clock.now() });
        await recordAudit(tx, {
          actor,
          action: 'admission_campaign.update',
          entity: 'admission_campaign',
          entityId: id,
          ip: meta.ip,
          details: { fields: Object.keys(body) },
        });
      });
      return present((await repo.findCampaign(id))!);
    },

    async listQuotas(actor: Actor, id: string) {
      await managedCampaign(actor, id);
      return { items: await repo.listQuotas(id) };
    },

    async setQuotas(actor: Actor, id: string, quotas: Array<{ regionCode: string; nominationQuota: number }>, meta: Meta) {
      await managedCampaign(actor, id);
      const codes = quotas.map((q) => q.regionCode);
      const unknown = await repo.unknownRegions([...new Set(codes)]);
      const duplicate = codes.findIndex((code, index) => codes.indexOf(code) !== index);
      if (unknown.length > 0 || duplicate >= 0) {
        const index = duplicate >= 0 ? duplicate : codes.indexOf(unknown[0]!);
        throw new AppError('validation', { fields: [{ path: `body.quotas.${index}.regionCode`, key: duplicate >= 0 ? 'field.taken' : 'field.unknown_region' }] });
      }
      await db.transaction(async (tx) => {
        await createCampaignsRepo(tx).replaceQuotas(id, quotas);
        await recordAudit(tx, { actor, action: 'admission_campaign.set_quotas', entity: 'admission_campaign', entityId: id, ip: meta.ip, details: { regions: quotas.length } });
      });
      return { items: await repo.listQuotas(id) };
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
