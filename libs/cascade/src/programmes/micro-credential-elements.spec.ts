import { missingMicroCredentialElements } from './micro-credential-elements';
import { Credential } from './programme.entity';

const complete: Credential = {
  title: 'AI in Education',
  level: 'micro-credential',
  issuer: 'National Centre',
  country: 'MN',
  assessmentType: 'Portfolio',
  participationForm: 'online',
  qualityAssurance: 'Internal review',
};
const course = { code: 'AI-1', workloadHours: 30, ects: null, learningOutcomes: ['Plans lessons with AI'] };

describe('the mandatory elements of a micro-credential', () => {
  it('finds no gap in a programme that states every element (the EQF level is optional)', () => {
    expect(missingMicroCredentialElements(complete, [course])).toEqual([]);
  });

  it.each(['title', 'issuer', 'country', 'assessmentType', 'participationForm', 'qualityAssurance'] as const)(
    'names a missing or blank %s',
    (field) => {
      expect(missingMicroCredentialElements({ ...complete, [field]: ' ' }, [course])).toEqual([
        expect.stringMatching(new RegExp(`^credential\\.${field}: `)),
      ]);
      const without: Partial<Credential> = { ...complete };
      delete without[field];
      expect(missingMicroCredentialElements(without, [course])).toHaveLength(1);
    },
  );

  it('names a core course without learning outcomes and a programme without core courses', () => {
    expect(missingMicroCredentialElements(complete, [{ ...course, learningOutcomes: [''] }])).toEqual([
      'coreCourseIds: course AI-1 states no learning outcomes',
    ]);
    expect(missingMicroCredentialElements(complete, [])).toEqual([
      'coreCourseIds: learning outcomes and workload need at least one core course',
    ]);
  });
});
