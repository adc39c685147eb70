import { Credential } from './programme.entity';

/** What a core course contributes to a micro-credential: its learning outcomes and workload. */
export interface CoreCourseElements {
  code: string;
  workloadHours: number;
  ects: number | null;
  learningOutcomes: string[];
}

/**
 * The mandatory elements of a micro-credential (EU Council Recommendation 2022/C 243/02) that a
 * programme must state before it may issue. The other elements come with every certification:
 * learner identification (the person), date of issuing, and the workload and learning outcomes of
 * its core courses. The EQF level is asked for only where applicable, so it is optional here.
 * Answers one "field: what is missing" per gap, empty when the programme may issue.
 */
export function missingMicroCredentialElements(
  credential: Partial<Credential>,
  courses: CoreCourseElements[],
): string[] {
  const gaps: string[] = [];
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
  if (blank(credential.title)) gaps.push('credential.title: the title of the micro-credential is required');
  if (blank(credential.issuer)) gaps.push('credential.issuer: the awarding body is required');
  if (blank(credential.country)) gaps.push('credential.country: the country of the issuer is required');
  if (blank(credential.assessmentType))
    gaps.push('credential.assessmentType: the type of assessment is required');
  if (blank(credential.participationForm))
    gaps.push('credential.participationForm: the form of participation is required');
  if (blank(credential.qualityAssurance))
    gaps.push('credential.qualityAssurance: the type of quality assurance is required');
  if (courses.length === 0)
    gaps.push('coreCourseIds: learning outcomes and workload need at least one core course');
  for (const course of courses) {
    if (course.learningOutcomes.every((outcome) => outcome.trim() === ''))
      gaps.push(`coreCourseIds: course ${course.code} states no learning outcomes`);
    if (!(course.workloadHours > 0))
      gaps.push(`coreCourseIds: course ${course.code} states no notional workload`);
  }
  return gaps;
}
