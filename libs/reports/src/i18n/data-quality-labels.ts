import { DataQualityCheck } from '@cascade/quality';
import { ReportLanguage } from '../report-requests/report-kinds';

/** The data-quality report's own words: each check's name and the columns of its list. */
export interface DataQualityLabels {
  summary: string;
  check: string;
  count: string;
  checks: Record<DataQualityCheck, string>;
  /** What the detail column holds for a check, or null when it has none. */
  detail: Record<DataQualityCheck, string | null>;
  since: Record<DataQualityCheck, string>;
}

const EN: DataQualityLabels = {
  summary: 'Missing information',
  check: 'Check',
  count: 'Records',
  checks: {
    'enrolment-without-completion': 'Enrolments in ended cohorts with no completion',
    'completion-without-score': 'Core-course completions without a score',
    'overdue-mentee': 'Mentees with no recent mentoring session',
    'master-teacher-without-login': 'Master teachers without a login',
  },
  detail: {
    'enrolment-without-completion': null,
    'completion-without-score': 'Course',
    'overdue-mentee': 'Mentor',
    'master-teacher-without-login': 'Email',
  },
  since: {
    'enrolment-without-completion': 'Cohort ended',
    'completion-without-score': 'Completed on',
    'overdue-mentee': 'Last session (or start)',
    'master-teacher-without-login': 'Trained on',
  },
};

const MN: DataQualityLabels = {
  summary: 'Дутуу мэдээлэл',
  check: 'Шалгуур',
  count: 'Бичлэг',
  checks: {
    'enrolment-without-completion': 'Дууссан бүлэгт бүртгэлтэй ч нэг ч хичээл дүүргээгүй',
    'completion-without-score': 'Оноогүй үндсэн хичээлийн дүүргэлт',
    'overdue-mentee': 'Сүүлийн үед зөвлөгөө аваагүй дадлагажигч',
    'master-teacher-without-login': 'Нэвтрэх эрхгүй мастер багш',
  },
  detail: {
    'enrolment-without-completion': null,
    'completion-without-score': 'Хичээл',
    'overdue-mentee': 'Зөвлөгч',
    'master-teacher-without-login': 'И-мэйл',
  },
  since: {
    'enrolment-without-completion': 'Бүлэг дууссан',
    'completion-without-score': 'Дүүргэсэн огноо',
    'overdue-mentee': 'Сүүлийн уулзалт (эсвэл эхэлсэн)',
    'master-teacher-without-login': 'Сургагдсан огноо',
  },
};

export function dataQualityLabels(language: ReportLanguage): DataQualityLabels {
  return language === 'mn' ? MN : EN;
}
