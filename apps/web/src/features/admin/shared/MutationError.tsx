import { Alert } from '@mantine/core';

/** The API's refusal of an action, next to the action. */
export function MutationError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {error.message}
    </Alert>
  );
}
