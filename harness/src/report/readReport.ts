import { readFile } from 'node:fs/promises';
import { VigilError } from '../errors/VigilError.js';
import type { Report } from './types.js';
import { validateReport } from './validateReport.js';

/** Reads and validates a report written by `vigil run`; throws a VigilError saying which of the three steps failed. */
export async function readReport(path: string): Promise<Report> {
  const text = await readText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new VigilError('REPORT_INVALID', `${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = validateReport(data);
  if (!result.ok) {
    const n = result.errors.length;
    throw new VigilError('REPORT_INVALID', `${path} is not a valid Vigil report (${n} problem${n === 1 ? '' : 's'})`, {
      meta: result.errors,
    });
  }
  return result.report;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new VigilError('IO', missing ? `report not found: ${path}` : `could not read ${path}: ${(cause as Error).message}`, {
      cause,
      ...(missing ? { hint: 'Run `vigil run` first, or pass the path of an existing report (reports/vigil-report.json).' } : {}),
    });
  }
}
