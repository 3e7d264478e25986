import { resolve } from 'node:path';
import { openNativeSession } from '../native/openNativeSession.js';
import type { SpecResult } from '../report/types.js';
import type { CampaignSettings } from './CampaignSettings.js';
import { openSession } from './openSession.js';
import type { SpecSession } from './SpecSession.js';

/**
 * Opens again the session a report's spec result came from: a TypeScript spec by its file,
 * a Solidity-native suite by its project, file and contract. Replay and export use it.
 */
export async function reopenSession(spec: Pick<SpecResult, 'file' | 'suite'>, settings: CampaignSettings, cacheDir?: string): Promise<SpecSession> {
  const s = spec.suite;
  if (s === undefined) return openSession(spec.file, { root: process.cwd(), settings, cacheDir });
  const root = resolve(s.root);
  return openNativeSession({ kind: s.kind, root, file: resolve(root, s.file), contract: s.contract }, { settings, cacheDir });
}
