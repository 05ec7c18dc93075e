import type { StaffApplicationFile } from '@ms/contracts/admission-applications';
import { get } from '../../api/client.ts';

export type { StaffApplicationFile };

const base = (campaignId: string, applicationId: string) => `/api/admissions/campaigns/${campaignId}/applications/${applicationId}`;

/** One application as staff (or a coordinator of its region) see it. */
export const fetchApplicationFile = (campaignId: string, applicationId: string) => get<StaffApplicationFile>(base(campaignId, applicationId));

/** A document's download address (the session cookie authorises it; the server sets the file name). */
export const applicationDocumentUrl = (campaignId: string, applicationId: string, documentId: string) => `${base(campaignId, applicationId)}/documents/${documentId}`;

/** Every document of the application as one ZIP. */
export const applicationDocumentsZipUrl = (campaignId: string, applicationId: string) => `${base(campaignId, applicationId)}/documents.zip`;
