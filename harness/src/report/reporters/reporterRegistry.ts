import type { ReporterFactory } from './Reporter.js';

/**
 * Every reporter by the name `--reporter` takes. Each is imported only when asked for, so a
 * console-only run never loads the HTML renderer.
 */
export const reporterRegistry = {
  console: async () => (await import('./consoleReporter.js')).consoleReporter,
  json: async () => (await import('./jsonReporter.js')).jsonReporter,
  markdown: async () => (await import('./markdownReporter.js')).markdownReporter,
  junit: async () => (await import('./junitReporter.js')).junitReporter,
  sarif: async () => (await import('./sarifReporter.js')).sarifReporter,
  html: async () => (await import('./htmlReporter.js')).loadHtmlReporter(),
} as const satisfies Record<string, () => Promise<ReporterFactory>>;

export type ReporterName = keyof typeof reporterRegistry;

export const reporterNames = Object.keys(reporterRegistry) as ReporterName[];
