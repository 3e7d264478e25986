import { execFileSync } from 'node:child_process';

/**
 * The commit a shard ran on, so `vigil merge` refuses shards of different commits. Read
 * from git; CI checkouts without git history fall back to GitHub's GITHUB_SHA.
 */
export function readCommit(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
    if (/^[0-9a-f]{40,64}$/.test(out)) return out;
  } catch {
    // Not a git checkout, or git is not installed.
  }
  const sha = process.env.GITHUB_SHA;
  return sha !== undefined && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}
