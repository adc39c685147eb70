import { ReportLanguage } from '../report-requests/report-kinds';
import { ColumnKey, labelsFor } from './report-labels';

/** Column words the analytics report shares with every report (report-labels.ts). */
const SHARED_COLUMNS = [
  'generation',
  'participants',
  'completers',
  'certified',
  'aiAdopters',
  'completionRate',
  'certificationRate',
  'aiAdoptionRate',
  'round',
  'region',
  'institutions',
  'cohort',
] as const satisfies readonly ColumnKey[];

/**
 * The words of the cascade-analytics report of its own (its kind's title is in report-labels.ts);
 * `analyticsLabelsFor` adds the column words it shares with every report.
 */
interface OwnLabels {
  sections: {
    funnel: string;
    trainers: string;
    rounds: string;
    regions: string;
    cohorts: string;
  };
  columns: {
    trainer: string;
    masterTeacher: string;
    cohorts: string;
    direct: string;
    downstream: string;
    flags: string;
    target: string;
    enrolled: string;
    targetAttainment: string;
    institutionsReached: string;
    reachRate: string;
    capacity: string;
    fillRate: string;
  };
  yes: string;
  unknownGeneration: string;
  flags: { completionRate: string; certificationRate: string };
  funnelChart: string;
  /** Under the trainer table: what direct and downstream mean, and what a flag means. */
  flagRule: string;
}

const en: OwnLabels = {
  sections: {
    funnel: 'Funnel by generation',
    trainers: 'Trainers, reach and outcome',
    rounds: 'Rounds, target and actual',
    regions: 'Regions, institutions reached',
    cohorts: 'Cohorts, capacity and places',
  },
  columns: {
    trainer: 'Trainer',
    masterTeacher: 'Master teacher',
    cohorts: 'Cohorts led',
    direct: 'Direct',
    downstream: 'Downstream',
    flags: 'Markedly below the programme',
    target: 'Target participants',
    enrolled: 'Enrolled (places held)',
    targetAttainment: 'Of target',
    institutionsReached: 'Institutions reached',
    reachRate: 'Share reached',
    capacity: 'Capacity',
    fillRate: 'Places filled',
  },
  yes: 'yes',
  unknownGeneration: 'unknown',
  flags: { completionRate: 'completion', certificationRate: 'certification' },
  funnelChart: 'Participants and completers per generation',
  flagRule:
    'Direct: the people enrolled in a cohort the trainer leads; downstream: their whole sub-tree, every generation below. ' +
    "A trainer is flagged when at least 10 of their direct trainees are judged and their rate is below the programme's by 10 points or more and by more than two standard errors.",
};

const mn: OwnLabels = {
  sections: {
    funnel: 'Үеэрх оролцоо ба үр дүн',
    trainers: 'Сургагч багш нар, үр дүн',
    rounds: 'Шатууд, төлөвлөгөө ба гүйцэтгэл',
    regions: 'Бүсүүд, хамрагдсан байгууллага',
    cohorts: 'Бүлгүүд, багтаамж ба суудал',
  },
  columns: {
    trainer: 'Сургагч багш',
    masterTeacher: 'Мастер багш',
    cohorts: 'Удирдсан бүлэг',
    direct: 'Шууд',
    downstream: 'Доод шатны бүгд',
    flags: 'Хөтөлбөрөөс мэдэгдэхүйц доогуур',
    target: 'Төлөвлөсөн оролцогч',
    enrolled: 'Бүртгэлтэй (суудал эзэлсэн)',
    targetAttainment: 'Төлөвлөгөөний биелэлт',
    institutionsReached: 'Хамрагдсан байгууллага',
    reachRate: 'Хамрагдалтын хувь',
    capacity: 'Багтаамж',
    fillRate: 'Дүүргэлт',
  },
  yes: 'тийм',
  unknownGeneration: 'тодорхойгүй',
  flags: { completionRate: 'дүүргэлт', certificationRate: 'гэрчилгээжүүлэлт' },
  funnelChart: 'Үе тус бүрийн оролцогчид ба дүүргэсэн багш нар',
  flagRule:
    'Шууд: сургагч багшийн удирдсан бүлэгт бүртгүүлсэн хүмүүс; доод шатны бүгд: түүнээс доош бүх үеийнхэн. ' +
    'Сургагч багшийн шууд суралцагчдаас дор хаяж 10 нь үнэлэгдсэн бөгөөд тэдний хувь хөтөлбөрийнхөөс 10 пунктээс дээш, мөн хоёр стандарт алдаанаас их доогуур бол тэмдэглэнэ.',
};

export interface AnalyticsLabels extends Omit<OwnLabels, 'columns'> {
  columns: OwnLabels['columns'] & Record<(typeof SHARED_COLUMNS)[number], string>;
}

export function analyticsLabelsFor(language: ReportLanguage): AnalyticsLabels {
  const own = language === 'mn' ? mn : en;
  const words = labelsFor(language).columns;
  const shared = Object.fromEntries(SHARED_COLUMNS.map((key) => [key, words[key]]));
  return { ...own, columns: { ...own.columns, ...shared } as AnalyticsLabels['columns'] };
}
