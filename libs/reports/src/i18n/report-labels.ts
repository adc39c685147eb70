import { ReportKind, ReportLanguage } from '../report-requests/report-kinds';

/** Every column a report can have; a section names its columns by these keys. */
export type ColumnKey =
  | 'fullName'
  | 'email'
  | 'institution'
  | 'region'
  | 'cohort'
  | 'round'
  | 'enrolmentStatus'
  | 'enrolledOn'
  | 'coursesCompleted'
  | 'courseCodes'
  | 'scores'
  | 'meanScore'
  | 'certificationNumber'
  | 'aiAdoption'
  | 'mentor'
  | 'mentees'
  | 'menteesMentored'
  | 'sessions'
  | 'hours'
  | 'lastSessionOn'
  | 'overdueMentees'
  | 'number'
  | 'issuedOn'
  | 'certificationStatus'
  | 'revokedOn'
  | 'revocationReason'
  | 'figure'
  | 'value'
  | 'name'
  | 'participants'
  | 'institutions'
  | 'masterTeachers'
  | 'completers'
  | 'certified'
  | 'aiAdopters'
  | 'completionRate'
  | 'certificationRate'
  | 'aiAdoptionRate'
  | 'mentoringSessions'
  | 'mentoringHours'
  | 'generation'
  | 'date';

export type SectionKey =
  | 'headline'
  | 'byRegion'
  | 'byInstitution'
  | 'byRound'
  | 'byGeneration'
  | 'mentoring'
  | 'trend'
  | 'roster'
  | 'mentors'
  | 'certifications';

export type EnrolmentStatusKey = 'enrolled' | 'active' | 'completed' | 'withdrawn';
export type AiAdoptionKey = 'verified' | 'unverified' | 'none';
export type CertificationStatusKey = 'active' | 'revoked';

/** The words of every report, in one language. */
export interface ReportLabels {
  kinds: Record<ReportKind, string>;
  sections: Record<SectionKey, string>;
  columns: Record<ColumnKey, string>;
  enrolmentStatus: Record<EnrolmentStatusKey, string>;
  aiAdoption: Record<AiAdoptionKey, string>;
  certificationStatus: Record<CertificationStatusKey, string>;
  meta: {
    programme: string;
    credential: string;
    issuer: string;
    period: string;
    scope: string;
    wholeProgramme: string;
    cohort: string;
    round: string;
    region: string;
    mentor: string;
    generatedAt: string;
    figuresAsOf: string;
    stale: string;
    rows: string;
    page: string;
    truncated: (shown: number) => string;
    chartTitle: string;
  };
}

const en: ReportLabels = {
  kinds: {
    'programme-summary': 'Programme summary',
    'cohort-roster': 'Cohort roster',
    'mentoring-activity': 'Mentoring activity',
    'certified-list': 'Certified educators',
    'data-quality': 'Data quality: missing information',
    'cascade-analytics': 'Cascade analytics',
  },
  sections: {
    headline: 'Headline figures',
    byRegion: 'By region',
    byInstitution: 'By institution',
    byRound: 'By round',
    byGeneration: 'By cascade generation',
    mentoring: 'Mentoring activity',
    trend: 'Trend over time',
    roster: 'Participants',
    mentors: 'Mentors',
    certifications: 'Certifications',
  },
  columns: {
    fullName: 'Full name',
    email: 'Email',
    institution: 'Institution',
    region: 'Region',
    cohort: 'Cohort',
    round: 'Round',
    enrolmentStatus: 'Enrolment status',
    enrolledOn: 'Enrolled on',
    coursesCompleted: 'Courses completed',
    courseCodes: 'Completed courses',
    scores: 'Scores',
    meanScore: 'Mean core score',
    certificationNumber: 'Certificate number',
    aiAdoption: 'AI adoption',
    mentor: 'Mentor',
    mentees: 'Mentees',
    menteesMentored: 'Mentees mentored',
    sessions: 'Sessions',
    hours: 'Hours',
    lastSessionOn: 'Last session',
    overdueMentees: 'Overdue mentees',
    number: 'Certificate number',
    issuedOn: 'Issued on',
    certificationStatus: 'Status',
    revokedOn: 'Revoked on',
    revocationReason: 'Revocation reason',
    figure: 'Figure',
    value: 'Value',
    name: 'Name',
    participants: 'Participants',
    institutions: 'Institutions',
    masterTeachers: 'Master teachers',
    completers: 'Completers',
    certified: 'Certified',
    aiAdopters: 'AI adopters',
    completionRate: 'Completion rate',
    certificationRate: 'Certification rate',
    aiAdoptionRate: 'AI adoption rate',
    mentoringSessions: 'Mentoring sessions',
    mentoringHours: 'Mentoring hours',
    generation: 'Generation',
    date: 'Date',
  },
  enrolmentStatus: { enrolled: 'Enrolled', active: 'Active', completed: 'Completed', withdrawn: 'Withdrawn' },
  aiAdoption: { verified: 'Verified', unverified: 'Unverified', none: 'None' },
  certificationStatus: { active: 'Active', revoked: 'Revoked' },
  meta: {
    programme: 'Programme',
    credential: 'Credential',
    issuer: 'Issuer',
    period: 'Period',
    scope: 'Scope',
    wholeProgramme: 'Whole programme',
    cohort: 'Cohort',
    round: 'Round',
    region: 'Region',
    mentor: 'Mentor',
    generatedAt: 'Generated at',
    figuresAsOf: 'Figures as of',
    stale: 'newer records are not yet counted',
    rows: 'Rows',
    page: 'Page',
    truncated: (shown) => `Only the first ${shown} rows are shown; export CSV or XLSX for the full list.`,
    chartTitle: 'Participants and certified per region',
  },
};

const mn: ReportLabels = {
  kinds: {
    'programme-summary': 'Хөтөлбөрийн тойм',
    'cohort-roster': 'Бүлгийн оролцогчдын жагсаалт',
    'mentoring-activity': 'Зөвлөн чиглүүлэх үйл ажиллагаа',
    'certified-list': 'Гэрчилгээ авсан багш нар',
    'data-quality': 'Мэдээллийн чанар: дутуу мэдээлэл',
    'cascade-analytics': 'Каскадын шинжилгээ',
  },
  sections: {
    headline: 'Гол үзүүлэлтүүд',
    byRegion: 'Бүсээр',
    byInstitution: 'Байгууллагаар',
    byRound: 'Шатаар',
    byGeneration: 'Каскадын үеэр',
    mentoring: 'Зөвлөн чиглүүлэх үйл ажиллагаа',
    trend: 'Цаг хугацааны явц',
    roster: 'Оролцогчид',
    mentors: 'Зөвлөгчид',
    certifications: 'Гэрчилгээнүүд',
  },
  columns: {
    fullName: 'Овог нэр',
    email: 'Имэйл',
    institution: 'Байгууллага',
    region: 'Бүс',
    cohort: 'Бүлэг',
    round: 'Шат',
    enrolmentStatus: 'Бүртгэлийн төлөв',
    enrolledOn: 'Бүртгүүлсэн огноо',
    coursesCompleted: 'Дүүргэсэн хичээл',
    courseCodes: 'Дүүргэсэн хичээлүүд',
    scores: 'Оноо',
    meanScore: 'Үндсэн хичээлийн дундаж оноо',
    certificationNumber: 'Гэрчилгээний дугаар',
    aiAdoption: 'Хиймэл оюун нэвтрүүлэлт',
    mentor: 'Зөвлөгч',
    mentees: 'Шавь нар',
    menteesMentored: 'Уулзалт хийсэн шавь',
    sessions: 'Уулзалт',
    hours: 'Цаг',
    lastSessionOn: 'Сүүлийн уулзалт',
    overdueMentees: 'Хугацаа хэтэрсэн шавь',
    number: 'Гэрчилгээний дугаар',
    issuedOn: 'Олгосон огноо',
    certificationStatus: 'Төлөв',
    revokedOn: 'Хүчингүй болгосон огноо',
    revocationReason: 'Хүчингүй болгосон шалтгаан',
    figure: 'Үзүүлэлт',
    value: 'Утга',
    name: 'Нэр',
    participants: 'Оролцогчид',
    institutions: 'Байгууллагууд',
    masterTeachers: 'Мастер багш нар',
    completers: 'Дүүргэсэн',
    certified: 'Гэрчилгээтэй',
    aiAdopters: 'Хиймэл оюун нэвтрүүлсэн',
    completionRate: 'Дүүргэлтийн хувь',
    certificationRate: 'Гэрчилгээжүүлэлтийн хувь',
    aiAdoptionRate: 'Хиймэл оюун нэвтрүүлэлтийн хувь',
    mentoringSessions: 'Зөвлөн чиглүүлэх уулзалт',
    mentoringHours: 'Зөвлөн чиглүүлэх цаг',
    generation: 'Үе',
    date: 'Огноо',
  },
  enrolmentStatus: {
    enrolled: 'Бүртгэгдсэн',
    active: 'Суралцаж буй',
    completed: 'Дүүргэсэн',
    withdrawn: 'Гарсан',
  },
  aiAdoption: { verified: 'Баталгаажсан', unverified: 'Баталгаажаагүй', none: 'Байхгүй' },
  certificationStatus: { active: 'Хүчинтэй', revoked: 'Хүчингүй' },
  meta: {
    programme: 'Хөтөлбөр',
    credential: 'Гэрчилгээ',
    issuer: 'Олгогч байгууллага',
    period: 'Хугацаа',
    scope: 'Хамрах хүрээ',
    wholeProgramme: 'Хөтөлбөр бүхэлдээ',
    cohort: 'Бүлэг',
    round: 'Шат',
    region: 'Бүс',
    mentor: 'Зөвлөгч',
    generatedAt: 'Үүсгэсэн огноо',
    figuresAsOf: 'Үзүүлэлтийн огноо',
    stale: 'сүүлийн бүртгэлүүд хараахан тооцогдоогүй',
    rows: 'Мөр',
    page: 'Хуудас',
    truncated: (shown) =>
      `Зөвхөн эхний ${shown} мөрийг харууллаа; бүтэн жагсаалтыг CSV эсвэл XLSX хэлбэрээр татна уу.`,
    chartTitle: 'Бүс тус бүрийн оролцогчид ба гэрчилгээтэй багш нар',
  },
};

const dictionaries: Record<ReportLanguage, ReportLabels> = { en, mn };

export function labelsFor(language: ReportLanguage): ReportLabels {
  return dictionaries[language];
}
