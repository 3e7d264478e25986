import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { beforeAll, describe, expect, it } from 'vitest';

const targetsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(targetsDir);

// Every deployable contract the specs and end-to-end runs rely on, by file.
const expectedContracts: Record<string, string[]> = {
  'targets/token/Token.sol': ['Token'],
  'targets/token/TokenBuggy.sol': ['TokenBuggy'],
  'targets/vault/Vault.sol': ['Vault'],
  'targets/vault/VaultBuggy.sol': ['VaultBuggy'],
  'targets/common/MintableToken.sol': ['MintableToken'],
  'targets/amm/Amm.sol': ['Amm'],
  'targets/amm/AmmBuggy.sol': ['AmmBuggy'],
  'targets/lending/PriceOracle.sol': ['PriceOracle'],
  'targets/lending/LendingPool.sol': ['LendingPool'],
  'targets/lending/LendingPoolBuggy.sol': ['LendingPoolBuggy'],
  'targets/statemachine/Lock.sol': ['Lock'],
  'targets/statemachine/LockBuggy.sol': ['LockBuggy'],
  'targets/bench/BenchToken.sol': ['BenchToken'],
  'targets/guarded/GuardedMarket.sol': ['GuardedMarket'],
  'targets/guarded/GuardedMarketBuggy.sol': ['GuardedMarketBuggy'],
};

interface CompiledContract {
  abi: unknown[];
  evm: { bytecode: { object: string }; deployedBytecode: { object: string } };
}

interface CompilerOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, CompiledContract>>;
}

function listSolidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // targets/foundry is a Foundry project of its own (imports, forge-std); test/e2e/native.test.ts runs it.
    if (entry.isDirectory()) return path === join(targetsDir, 'foundry') ? [] : listSolidityFiles(path);
    return entry.name.endsWith('.sol') ? [relative(repoRoot, path)] : [];
  });
}

function compileAll(files: string[]): CompilerOutput {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(files.map((file) => [file, { content: readFileSync(join(repoRoot, file), 'utf8') }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  return JSON.parse(solc.compile(JSON.stringify(input))) as CompilerOutput;
}

/** The immediate operands of every PUSH1..PUSH32 in runtime code, as lowercase hex. */
function pushOperands(bytecodeHex: string): Set<string> {
  const code = Buffer.from(bytecodeHex, 'hex');
  const operands = new Set<string>();
  for (let pc = 0; pc < code.length; pc++) {
    const op = code[pc];
    if (op >= 0x60 && op <= 0x7f) {
      const size = op - 0x5f;
      operands.add(BigInt('0x' + (code.subarray(pc + 1, pc + 1 + size).toString('hex') || '0')).toString(16));
      pc += size;
    }
  }
  return operands;
}

describe('targets/', () => {
  const files = listSolidityFiles(targetsDir).sort();
  let output: CompilerOutput;

  beforeAll(() => {
    output = compileAll(files);
  });

  it('holds exactly the expected Solidity files', () => {
    expect(files).toEqual(Object.keys(expectedContracts).sort());
  });

  it('compiles every file without errors or warnings', () => {
    const problems = (output.errors ?? []).filter((e) => e.severity !== 'info').map((e) => e.formattedMessage);
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(expectedContracts))('%s has bytecode for its contracts', (file, names) => {
    for (const name of names) {
      const contract = output.contracts?.[file]?.[name];
      expect(contract, `${name} missing from ${file}`).toBeDefined();
      expect(contract!.evm.bytecode.object.length).toBeGreaterThan(0);
      expect(contract!.evm.deployedBytecode.object.length).toBeGreaterThan(0);
      expect(contract!.abi.length).toBeGreaterThan(0);
    }
  });

  it('uses each contract and interface name once across the tree', () => {
    const names = Object.values(output.contracts ?? {}).flatMap((byName) => Object.keys(byName));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('keeps every file self-contained (no imports)', () => {
    const importing = files.filter((file) => /^\s*import\s/m.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(importing).toEqual([]);
  });

  it('names the bug at the top of every buggy file, and only there', () => {
    for (const file of files) {
      const head = readFileSync(join(repoRoot, file), 'utf8').split('\ncontract ')[0];
      expect(head.includes('BUG:'), file).toBe(file.endsWith('Buggy.sol'));
    }
  });

  // The fuzzer draws arguments from PUSH operands; the lock must stay solvable from them.
  it.each(['Lock', 'LockBuggy'])('%s exposes its combination as PUSH operands', (name) => {
    const runtime = output.contracts![`targets/statemachine/${name}.sol`][name].evm.deployedBytecode.object;
    const operands = pushOperands(runtime);
    for (const value of [0xc0ffee, 42, 1000, 7]) expect(operands.has(value.toString(16)), `0x${value.toString(16)}`).toBe(true);
  });
});
