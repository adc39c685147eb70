import { Transform } from 'class-transformer';

/** `?flag=true|false` arrives as text; anything else stays as sent and fails @IsBoolean. */
export const BooleanParam = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
