import type { RubricCriterion } from '../../db/schema/index.ts';

const levels = (ru: string[], en: string[]) => ru.map((titleRu, i) => ({ titleRu, titleEn: en[i]!, points: i }));
const FOUR_RU = ['Не представлено', 'Частично', 'В целом', 'Полностью и убедительно'];
const FOUR_EN = ['Missing', 'Partly', 'Mostly', 'Fully and convincingly'];

const criterion = (key: string, titleRu: string, titleEn: string, weight: number): RubricCriterion => ({ key, titleRu, titleEn, weight, levels: levels(FOUR_RU, FOUR_EN) });

/** The intake's assignments, one per module 1–4; the due time is 18:00 Moscow time, `dueDays` after the module starts. */
export const DEMO_ASSIGNMENTS: ReadonlyArray<{
  module: number;
  kind: 'individual' | 'team';
  titleRu: string;
  titleEn: string;
  instructionsRu: string;
  instructionsEn: string;
  dueDays: number;
  latePolicy: 'accept' | 'refuse';
  isRequired: boolean;
  rubric: RubricCriterion[];
}> = [
  {
    module: 1,
    kind: 'individual',
    titleRu: 'Паспорт муниципалитета и национальные цели',
    titleEn: 'Municipal profile and the national goals',
    instructionsRu: 'Опишите свой муниципалитет (население, бюджет, ключевые проблемы) и покажите, как его задачи связаны с национальными целями развития. До 3 страниц, PDF или DOCX.',
    instructionsEn: 'Describe your municipality (population, budget, key problems) and show how its tasks relate to the national development goals. Up to 3 pages, PDF or DOCX.',
    dueDays: 21,
    latePolicy: 'accept',
    isRequired: true,
    rubric: [criterion('facts', 'Точность данных', 'Accuracy of data', 30), criterion('goals', 'Связь с национальными целями', 'Link to the national goals', 40), criterion('clarity', 'Ясность изложения', 'Clarity', 30)],
  },
  {
    module: 2,
    kind: 'individual',
    titleRu: 'SWOT-анализ стратегии развития',
    titleEn: 'SWOT analysis of the development strategy',
    instructionsRu: 'Проведите SWOT-анализ действующей стратегии муниципалитета и предложите три изменения. Работы после срока не принимаются.',
    instructionsEn: 'Carry out a SWOT analysis of your municipality’s current strategy and propose three changes. Late work is not accepted.',
    dueDays: 14,
    latePolicy: 'refuse',
    isRequired: true,
    rubric: [criterion('analysis', 'Глубина анализа', 'Depth of analysis', 50), criterion('proposals', 'Предложения', 'Proposals', 50)],
  },
  {
    module: 3,
    kind: 'team',
    titleRu: 'Командный кейс: операционная эффективность',
    titleEn: 'Team case: operational efficiency',
    instructionsRu: 'Командой разберите кейс принимающего региона: где теряется время и деньги, что изменить за 100 дней. Одна работа от команды.',
    instructionsEn: 'As a team, take apart the host region’s case: where time and money are lost, what to change in 100 days. One submission per team.',
    dueDays: 10,
    latePolicy: 'accept',
    isRequired: true,
    rubric: [criterion('diagnosis', 'Диагностика', 'Diagnosis', 40), criterion('plan', 'План на 100 дней', '100-day plan', 40), criterion('teamwork', 'Командная работа', 'Teamwork', 20)],
  },
  {
    module: 4,
    kind: 'individual',
    titleRu: 'Эссе: инфраструктура и экономическая активность',
    titleEn: 'Essay: infrastructure and economic activity',
    instructionsRu: 'Эссе до 2 страниц: какой инфраструктурный проект даст наибольший экономический эффект вашему муниципалитету. Необязательное задание.',
    instructionsEn: 'An essay of up to 2 pages: which infrastructure project would give your municipality the greatest economic effect. Optional.',
    dueDays: 14,
    latePolicy: 'accept',
    isRequired: false,
    rubric: [criterion('argument', 'Аргументация', 'Argument', 60), criterion('economics', 'Экономический расчёт', 'Economics', 40)],
  },
];

/** Texts participants submitted (the demo picks one per submission). */
export const DEMO_SUBMISSION_TEXTS = [
  'Основные выводы приведены в приложенном файле. Ключевая проблема — отток молодёжи; предлагаем программу «Молодой специалист».',
  'Работа во вложении. Кратко: бюджет зависит от дотаций на 64 %, предлагаем три меры по росту собственных доходов.',
  'См. файл. Главный резерв — цифровизация приёма граждан и единое окно для бизнеса.',
  'Во вложении анализ; отдельно выделены риски по ЖКХ и дорогам.',
];
