import { FLAG_MIN_GROUP, markedlyBelow, trainerFlags } from './trainer-flags';

describe('trainer flags', () => {
  const programme = { participants: 2054, completers: 1698, certified: 580 };

  it('never flags a group smaller than the minimum, even with no completer at all', () => {
    expect(trainerFlags({ participants: 3, completers: 0, certified: 0 }, programme)).toEqual([]);
    expect(markedlyBelow(0, FLAG_MIN_GROUP - 1, 0.9)).toBe(false);
  });

  it('flags a large group far below the programme completion rate', () => {
    expect(trainerFlags({ participants: 40, completers: 20, certified: 7 }, programme)).toEqual([
      'completionRate',
    ]);
  });

  it('does not flag a gap within two standard errors of a small group', () => {
    // Programme 0.5; a group of 10 at 0.35 is 0.15 below, but 2 SE = 0.316.
    expect(markedlyBelow(0.35, 10, 0.5)).toBe(false);
  });

  it('does not flag a statistically clear gap smaller than ten points', () => {
    // 2 SE of 10,000 at 0.5 is 0.01; a gap of 0.05 is real but not marked.
    expect(markedlyBelow(0.45, 10_000, 0.5)).toBe(false);
    expect(markedlyBelow(0.39, 10_000, 0.5)).toBe(true);
  });

  it('judges the certification rate over completers, not participants', () => {
    // 30 completers with none certified against the programme's 580 / 1698 = 0.34.
    expect(trainerFlags({ participants: 30, completers: 30, certified: 0 }, programme)).toEqual([
      'certificationRate',
    ]);
    // Only 8 completers: too few to judge their certification rate.
    expect(trainerFlags({ participants: 30, completers: 8, certified: 0 }, programme)).toEqual([
      'completionRate',
    ]);
  });
});
