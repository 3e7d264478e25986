import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vigilBin, type VigilResult } from '../../cli/helpers/runVigil.js';

export interface RunCliOptions {
  cwd: string;
  /** Added to the environment (VIGIL_DEBUG is always dropped: it prints stack traces on purpose). */
  env?: Record<string, string>;
  /** Run as this user (the read-only case, when the tests run as root, whom permissions do not stop). */
  uid?: number;
  gid?: number;
  /** Only a guard against a hang; the assertions are on what the run printed and wrote. */
  timeoutMs?: number;
}

/** The real CLI in a child process, as runVigil, with an environment and a user of the case's own. */
export function runCli(args: readonly string[], o: RunCliOptions): Promise<VigilResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...o.env };
  delete env.VIGIL_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vigilBin, ...args], {
      cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'],
      ...(o.uid !== undefined ? { uid: o.uid, gid: o.gid ?? o.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Every file under `dir` (reports, state, corpus, logs) as text, for searching a planted secret. */
export function everyFileUnder(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) text += everyFileUnder(path);
    else if (s.isFile() && s.size < 64 * 1024 * 1024) text += `\n${readFileSync(path, 'latin1')}`;
  }
  return text;
}
