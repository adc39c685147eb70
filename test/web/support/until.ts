/** Polls `check` until it returns true or the deadline passes (CI shares two cores: be generous). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`still not true after ${timeoutMs / 1000} s: ${what}`);
}
