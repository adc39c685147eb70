import { hasAtMostDecimals } from './is-decimal';

describe('hasAtMostDecimals', () => {
  it('accepts numbers with at most the given decimals, whatever their float error', () => {
    expect([87.35, 0, 100, 0.1 + 0.2, 1e3].map((v) => hasAtMostDecimals(v, 2))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('refuses 1e-7, more decimals, non-finite numbers and non-numbers without throwing', () => {
    expect([1e-7, 87.355, Infinity, NaN, '90', null].map((v) => hasAtMostDecimals(v, 2))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
