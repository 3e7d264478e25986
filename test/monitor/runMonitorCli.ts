import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface MonitorProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Lines of blocks.jsonl / alerts.jsonl, parsed. */
  blocks(): { block: string; broken: string[]; alerts: string[] }[];
  alerts(): Record<string, any>[];
}

/** Starts `vigil monitor` as a separate process, as a user would, writing into `out`. */
export function startMonitor(args: string[], out: string, env: Record<string, string> = {}): MonitorProcess {
  const child = spawn(process.execPath, [resolve('harness/bin/vigil.mjs'), 'monitor', ...args, '--out', out], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const lines = (file: string) => (existsSync(join(out, file)) ? readFileSync(join(out, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)) : []);
  return { child, stdout: () => stdout, stderr: () => stderr, exited, blocks: () => lines('blocks.jsonl'), alerts: () => lines('alerts.jsonl') };
}

/** Polls `check` until it holds (the node and the monitor run on their own clocks). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, proc?: MonitorProcess, limitMs = 40_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (proc !== undefined && proc.child.exitCode !== null) throw new Error(`monitor exited (${proc.child.exitCode}) while waiting for ${what}\n${proc.stdout()}\n${proc.stderr()}`);
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}\n${proc?.stdout() ?? ''}\n${proc?.stderr() ?? ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
