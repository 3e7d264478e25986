import type { Reporter, ReporterContext } from './Reporter.js';
import { reporterRegistry, type ReporterName } from './reporterRegistry.js';

/** Imports and creates the named reporters, in order. */
export async function loadReporters(names: readonly ReporterName[], context: ReporterContext): Promise<Reporter[]> {
  const factories = await Promise.all(names.map((name) => reporterRegistry[name]()));
  return factories.map((create) => create(context));
}
