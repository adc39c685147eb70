/**
 * The one polling helper of the tests: calls `probe` until it returns a value other than
 * undefined or false, and fails after the deadline with the last error the probe threw.
 * Tests wait for a state this way, never for a length of time.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  deadlineMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${what}: not within ${deadlineMs} ms${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
