// The one way the smoke waits: poll what the user would see, every 100 ms,
// until it is there (no fixed sleeps).

/** Calls `fn` until it resolves to a truthy value (errors count as not yet: a page may be between loads); returns it. */
export async function poll(what, fn, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
