import {
  certificationNumber,
  CERTIFICATION_NUMBER,
  decideCertification,
  revocationReason,
} from './certification-rule';

const rule = { coreCourseIds: ['a', 'b', 'c'], passMark: 60 };

describe('the certification rule', () => {
  it('qualifies a person with every core course and a mean score at the pass mark', () => {
    const decision = decideCertification(rule, [
      { courseId: 'a', score: 50 },
      { courseId: 'b', score: 60 },
      { courseId: 'c', score: 70 },
    ]);
    expect(decision).toEqual({
      completedCoreCourses: 3,
      coreCourses: 3,
      completedEveryCoreCourse: true,
      score: 60,
      qualifies: true,
    });
  });

  it('refuses a person whose mean score is below the pass mark', () => {
    const decision = decideCertification(rule, [
      { courseId: 'a', score: 50 },
      { courseId: 'b', score: 53 },
      { courseId: 'c', score: 60 },
    ]);
    expect(decision.qualifies).toBe(false);
    expect(decision.score).toBe(54.33);
    expect(revocationReason(decision, rule.passMark)).toBe(
      'automatic: mean core-course score 54.33 is below the pass mark 60',
    );
  });

  it('refuses a person missing a core course whatever their scores', () => {
    const decision = decideCertification(rule, [
      { courseId: 'a', score: 100 },
      { courseId: 'b', score: 100 },
      { courseId: 'x', score: 100 },
    ]);
    expect(decision.completedEveryCoreCourse).toBe(false);
    expect(decision.qualifies).toBe(false);
    expect(revocationReason(decision, rule.passMark)).toBe('automatic: completed 2 of the 3 core courses');
  });

  it('counts a completion without a score as 0 and takes the best score of a course completed twice', () => {
    const decision = decideCertification(rule, [
      { courseId: 'a', score: null },
      { courseId: 'a', score: 90 },
      { courseId: 'b', score: 90 },
      { courseId: 'c', score: null },
    ]);
    expect(decision.score).toBe(60);
    expect(decision.qualifies).toBe(true);
  });

  it('compares exactly at two decimals (60.1 + 59.9 + 60 reaches 60)', () => {
    const decision = decideCertification(rule, [
      { courseId: 'a', score: 60.1 },
      { courseId: 'b', score: 59.9 },
      { courseId: 'c', score: 60 },
    ]);
    expect(decision.qualifies).toBe(true);
  });

  it('certifies no one in a programme without core courses', () => {
    expect(decideCertification({ coreCourseIds: [], passMark: 0 }, []).qualifies).toBe(false);
  });
});

describe('certificate numbers', () => {
  it('reads MC-<year>-<serial of at least six digits>', () => {
    expect(certificationNumber(2025, 123)).toBe('MC-2025-000123');
    expect(certificationNumber(2025, 1234567)).toBe('MC-2025-1234567');
    expect(CERTIFICATION_NUMBER.test(certificationNumber(2026, 1))).toBe(true);
    expect(CERTIFICATION_NUMBER.test('MC-25-000001')).toBe(false);
  });
});
