import { admissionCampaigns, people, users } from '../../db/schema/index.ts';

/**
 * The columns a letter to an applicant needs: address, greeting, language and the campaign's title.
 * Selected with people, campaigns and (left) users joined to the application.
 */
export const APPLICANT_LETTER_COLUMNS = {
  email: people.email,
  firstName: people.firstName,
  locale: users.locale,
  titleRu: admissionCampaigns.titleRu,
  titleEn: admissionCampaigns.titleEn,
};
