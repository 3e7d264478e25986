/** EVM calls never wait on I/O; yielding now and then lets signals and timers (Ctrl-C, --time) be seen. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
