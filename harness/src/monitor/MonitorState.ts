import { existsSync, readFileSync } from 'node:fs';
import { VigilError } from '../errors/VigilError.js';
import { writeFileAtomic } from '../report/writeFileAtomic.js';

/**
 * What a monitor needs to resume where it stopped: the next block to process, the holders
 * seen so far, which invariants are already known broken (so one breach is one alert),
 * and how long each log was when the last block was recorded. A log line written after
 * that (a block processed but not yet recorded when the process died) is cut off on
 * restart and the block processed again, so each block appears exactly once.
 */
export interface MonitorState {
  version: 1;
  chainId: number;
  spec: string;
  addresses: Record<string, string>;
  nextBlock: string;
  /** Hash of the last processed block (a parent that does not match it is a reorg). */
  lastHash?: string;
  holders: string[];
  broken: string[];
  alerts: number;
  blocksLogBytes: number;
  alertsLogBytes: number;
}

export function readMonitorState(path: string): MonitorState | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: MonitorState;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as MonitorState;
  } catch (e) {
    throw new VigilError('MONITOR_STATE', `cannot read the monitor state ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (parsed.version !== 1 || typeof parsed.nextBlock !== 'string' || !Array.isArray(parsed.holders)) {
    throw new VigilError('MONITOR_STATE', `${path} is not a monitor state file of version 1`);
  }
  return parsed;
}

/** Written through a temporary file and a rename: a crash leaves the old state or the new one. */
export function writeMonitorState(path: string, state: MonitorState): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}
