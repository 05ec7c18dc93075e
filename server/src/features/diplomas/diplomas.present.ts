import type { DiplomaStatus, DiplomaSummary } from '@ms/contracts/diplomas';
import { verifyUrl } from './diplomas.credential.ts';
import type { DiplomaView } from './diplomas.repo.ts';

/** Revoked wins over expired; both are decided from the registry at `now`. */
export function diplomaStatus(d: { revokedAt: Date | null; validUntil: Date | null }, now: Date): DiplomaStatus {
  if (d.revokedAt) return 'revoked';
  if (d.validUntil && d.validUntil.getTime() < now.getTime()) return 'expired';
  return 'valid';
}

/** The allow-listed view of a diploma for staff and its holder. */
export function toSummary(d: DiplomaView, publicUrl: string, now: Date): DiplomaSummary {
  return {
    id: d.id,
    registryNumber: d.registryNumber,
    holderName: d.holderName,
    programmeNameRu: d.programmeNameRu,
    programmeNameEn: d.programmeNameEn,
    streamNameRu: d.streamNameRu,
    streamNameEn: d.streamNameEn,
    validFrom: d.validFrom.toISOString(),
    validUntil: d.validUntil?.toISOString() ?? null,
    issuedAt: d.issuedAt.toISOString(),
    status: diplomaStatus(d, now),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    revocationReason: d.revocationReason,
    verifyUrl: verifyUrl(publicUrl, d.id),
  };
}
