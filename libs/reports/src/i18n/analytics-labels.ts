import { ReportLanguage } from '../report-requests/report-kinds';

/** The words of the cascade-analytics report (its kind's title is in report-labels.ts). */
export interface AnalyticsLabels {
  sections: {
    funnel: string;
    trainers: string;
    rounds: string;
    regions: string;
    cohorts: string;
  };
  columns: {
    generation: string;
    participants: string;
    completers: string;
    certified: string;
    aiAdopters: string;
    completionRate: string;
    certificationRate: string;
    aiAdoptionRate: string;
    trainer: string;
    masterTeacher: string;
    cohorts: string;
    direct: string;
    downstream: string;
    flags: string;
    round: string;
    target: string;
    enrolled: string;
    targetAttainment: string;
    region: string;
    institutions: string;
    institutionsReached: string;
    reachRate: string;
    cohort: string;
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

const en: AnalyticsLabels = {
  sections: {
    funnel: 'Funnel by generation',
    trainers: 'Trainers, reach and outcome',
    rounds: 'Rounds, target and actual',
    regions: 'Regions, institutions reached',
    cohorts: 'Cohorts, capacity and places',
  },
  columns: {
    generation: 'Generation',
    participants: 'Participants',
    completers: 'Completers',
    certified: 'Certified',
    aiAdopters: 'AI adopters',
    completionRate: 'Completion rate',
    certificationRate: 'Certification rate',
    aiAdoptionRate: 'AI adoption rate',
    trainer: 'Trainer',
    masterTeacher: 'Master teacher',
    cohorts: 'Cohorts led',
    direct: 'Direct',
    downstream: 'Downstream',
    flags: 'Markedly below the programme',
    round: 'Round',
    target: 'Target participants',
    enrolled: 'Enrolled (places held)',
    targetAttainment: 'Of target',
    region: 'Region',
    institutions: 'Institutions',
    institutionsReached: 'Institutions reached',
    reachRate: 'Share reached',
    cohort: 'Cohort',
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

const mn: AnalyticsLabels = {
  sections: {
    funnel: 'Үеэрх оролцоо ба үр дүн',
    trainers: 'Сургагч багш нар, үр дүн',
    rounds: 'Шатууд, төлөвлөгөө ба гүйцэтгэл',
    regions: 'Бүсүүд, хамрагдсан байгууллага',
    cohorts: 'Бүлгүүд, багтаамж ба суудал',
  },
  columns: {
    generation: 'Үе',
    participants: 'Оролцогчид',
    completers: 'Дүүргэсэн',
    certified: 'Гэрчилгээтэй',
    aiAdopters: 'Хиймэл оюун нэвтрүүлсэн',
    completionRate: 'Дүүргэлтийн хувь',
    certificationRate: 'Гэрчилгээжүүлэлтийн хувь',
    aiAdoptionRate: 'Хиймэл оюун нэвтрүүлэлтийн хувь',
    trainer: 'Сургагч багш',
    masterTeacher: 'Мастер багш',
    cohorts: 'Удирдсан бүлэг',
    direct: 'Шууд',
    downstream: 'Доод шатны бүгд',
    flags: 'Хөтөлбөрөөс мэдэгдэхүйц доогуур',
    round: 'Шат',
    target: 'Төлөвлөсөн оролцогч',
    enrolled: 'Бүртгэлтэй (суудал эзэлсэн)',
    targetAttainment: 'Төлөвлөгөөний биелэлт',
    region: 'Бүс',
    institutions: 'Байгууллагууд',
    institutionsReached: 'Хамрагдсан байгууллага',
    reachRate: 'Хамрагдалтын хувь',
    cohort: 'Бүлэг',
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

export function analyticsLabelsFor(language: ReportLanguage): AnalyticsLabels {
  return language === 'mn' ? mn : en;
}
