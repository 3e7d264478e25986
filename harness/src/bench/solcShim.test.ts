import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSolcShim } from './solcShim.js';

describe('writeSolcShim', () => {
  let dir: string;
  let shim: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigil-shim-'));
    shim = await writeSolcShim(path.join(dir, 'bin'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers --version like native solc', () => {
    const out = execFileSync(shim, ['--version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(out).toMatch(/^solc, the solidity compiler commandline interface\nVersion: \d+\.\d+\.\d+\+commit\.[0-9a-f]+\.Linux\.g\+\+\n$/);
  });

  it('compiles --standard-json from stdin, resolving imports from --base-path', async () => {
    await writeFile(path.join(dir, 'B.sol'), '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract B { function f() external pure returns (uint) { return 1; } }\n');
    const input = {
      language: 'Solidity',
      sources: { 'A.sol': { content: '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport "B.sol";\ncontract A is B {}\n' } },
      settings: { outputSelection: { '*': { '*': ['abi'] } } },
    };
    const out = execFileSync(shim, ['--standard-json', '--allow-paths', dir, '--base-path', dir], {
      cwd: tmpdir(),
      input: JSON.stringify(input),
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(json.errors ?? []).toEqual([]);
    expect(json.contracts['A.sol'].A.abi).toEqual([expect.objectContaining({ name: 'f' })]);
  }, 60_000);
});
