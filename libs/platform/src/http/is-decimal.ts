import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

export const IS_DECIMAL = 'isDecimal';

/**
 * Whether a finite number has at most `places` decimals, for any JSON number: class-validator's
 * own `maxDecimalPlaces` reads the decimals off `toString()` and throws on `1e-7`.
 */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/** A number with at most `places` decimals (a score, a pass mark, ECTS credits). */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_DECIMAL,
      constraints: [places],
      validator: {
        validate: (value: unknown) => hasAtMostDecimals(value, places),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a number with at most $constraint1 decimal places`,
          options,
        ),
      },
    },
    options,
  );
}
