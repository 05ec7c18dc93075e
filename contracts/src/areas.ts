import { z } from 'zod';

/**
 * The 30 fixed areas in which strategic sessions identify improvements (PRODUCT.md). The codes are
 * stable identifiers stored in the database; the labels are shown (RU first).
 */
export const AREA_CODES = [
  'strategy',
  'finance',
  'economy',
  'sme',
  'tourism',
  'agro',
  'urban',
  'utilities',
  'housing',
  'roads',
  'transport',
  'waste',
  'ecology',
  'health',
  'education',
  'culture',
  'sport',
  'youth',
  'family',
  'social',
  'veterans',
  'safety',
  'emergency',
  'digital',
  'feedback',
  'initiatives',
  'property',
  'team',
  'procurement',
  'spatial',
] as const;

/** One of the 30 area codes. */
export const AreaCodeSchema = z.enum(AREA_CODES);
export type AreaCode = z.infer<typeof AreaCodeSchema>;

/** RU/EN labels of every area; RU is the primary label. */
export const AREA_LABELS: Record<AreaCode, { ru: string; en: string }> = {
  strategy: { ru: 'Стратегическое планирование', en: 'Strategic planning' },
  finance: { ru: 'Муниципальные финансы и бюджет', en: 'Municipal finance and budget' },
  economy: { ru: 'Экономическое развитие и инвестиции', en: 'Economic development and investment' },
  sme: { ru: 'Поддержка малого и среднего бизнеса', en: 'Small and medium business' },
  tourism: { ru: 'Туризм', en: 'Tourism' },
  agro: { ru: 'Сельское хозяйство и развитие села', en: 'Agriculture and rural development' },
  urban: { ru: 'Городская среда и общественные пространства', en: 'Urban environment and public spaces' },
  utilities: { ru: 'Жилищно-коммунальное хозяйство', en: 'Housing and utilities' },
  housing: { ru: 'Жилищное строительство', en: 'Housing construction' },
  roads: { ru: 'Дороги', en: 'Roads' },
  transport: { ru: 'Общественный транспорт', en: 'Public transport' },
  waste: { ru: 'Обращение с отходами', en: 'Waste management' },
  ecology: { ru: 'Экология', en: 'Environment' },
  health: { ru: 'Здравоохранение', en: 'Healthcare access' },
  education: { ru: 'Образование', en: 'Education' },
  culture: { ru: 'Культура и наследие', en: 'Culture and heritage' },
  sport: { ru: 'Спорт и здоровый образ жизни', en: 'Sport and healthy living' },
  youth: { ru: 'Молодёжная политика', en: 'Youth policy' },
  family: { ru: 'Семья и демография', en: 'Family and demography' },
  social: { ru: 'Социальная поддержка и доступная среда', en: 'Social support and accessibility' },
  veterans: { ru: 'Поддержка ветеранов и их семей', en: 'Veterans and their families' },
  safety: { ru: 'Общественная безопасность', en: 'Public safety' },
  emergency: { ru: 'Защита населения от чрезвычайных ситуаций', en: 'Civil protection' },
  digital: { ru: 'Цифровые муниципальные услуги', en: 'Digital municipal services' },
  feedback: { ru: 'Обратная связь с жителями', en: 'Citizen feedback' },
  initiatives: { ru: 'Инициативное бюджетирование и ТОС', en: 'Participatory budgeting and local initiatives' },
  property: { ru: 'Управление имуществом и землёй', en: 'Property and land management' },
  team: { ru: 'Управленческая команда и кадры', en: 'Management team and personnel' },
  procurement: { ru: 'Закупки', en: 'Procurement' },
  spatial: { ru: 'Пространственное развитие и межмуниципальное сотрудничество', en: 'Spatial development and inter-municipal cooperation' },
};
