import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeFunctionData, type AbiFunction, type Hex } from 'viem';
import { decodeRevert } from '../abi/decodeRevert.js';
import { FOUNDRY_SENDER } from '../cheats/cheatAddresses.js';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import type { CallResult } from '../chain/types.js';
import { compileSources } from '../compile/compileSources.js';
import { isVigilError } from '../errors/VigilError.js';
import type { ExportedTest } from './ExportedTest.js';
import { forgeStdLiteDir } from './foundryProject.js';

export type Verification =
  | { outcome: 'failed'; reason: string }
  | { outcome: 'passed' }
  | { outcome: 'unverified'; why: string };

/**
 * Runs a self-contained exported test in Vigil's own EVM, with cheatcodes, as forge would:
 * deploy it from forge's sender, `setUp()`, then the test function. The reason of a failure
 * is spelled as forge spells it (`panic: assertion failed (0x01)`, the Error string), so it
 * can be compared with what the export promises before anyone runs forge.
 */
export async function runExportInVigil(test: Pick<ExportedTest, 'source' | 'contractName' | 'testName'>, cacheDir?: string): Promise<Verification> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-verify-'));
  try {
    const file = path.join(dir, `${test.contractName}.t.sol`);
    await writeFile(file, test.source);
    let compiled;
    try {
      compiled = await compileSources({ root: dir, files: [file], remappings: [`forge-std/=${forgeStdLiteDir}`], optimizer: { enabled: false, runs: 200 }, cacheDir });
    } catch (e) {
      if (isVigilError(e)) return { outcome: 'unverified', why: `it does not compile: ${e.message}` };
      throw e;
    }
    const artifact = compiled.artifacts.find((a) => a.name === test.contractName);
    if (!artifact) return { outcome: 'unverified', why: `no contract ${test.contractName} in the compiled test` };
    const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion), cheats: true, gasLimit: 1_000_000_000n });
    await chain.setBalance(FOUNDRY_SENDER, 1n << 96n);
    const deployed = await chain.deploy({ from: FOUNDRY_SENDER, data: artifact.bytecode });
    if (deployed.status !== 'success' || !deployed.createdAddress) return { outcome: 'unverified', why: `deploying the test failed: ${reason(deployed)}` };
    const to = deployed.createdAddress;
    for (const name of ['setUp', test.testName]) {
      const fn = artifact.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === name && x.inputs.length === 0);
      if (!fn) {
        if (name === 'setUp') continue;
        return { outcome: 'unverified', why: `no function ${name}()` };
      }
      const r = await chain.call({ from: FOUNDRY_SENDER, to, data: encodeFunctionData({ abi: [fn], functionName: name }) });
      const unsupported = [...(chain.cheats?.unsupported ?? [])];
      if (unsupported.length > 0) return { outcome: 'unverified', why: `Vigil's EVM lacks a cheatcode it uses: ${unsupported.join(', ')}` };
      if (r.status !== 'success') {
        return name === 'setUp' ? { outcome: 'unverified', why: `setUp() failed: ${reason(r)}` } : { outcome: 'failed', reason: reason(r) };
      }
    }
    return { outcome: 'passed' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A revert as forge prints it in `[FAIL: ...]`. */
function reason(r: CallResult): string {
  if (r.status === 'halt') return `EvmError: ${r.error ?? 'halt'}`;
  const d = decodeRevert(r.returnData as Hex);
  if (d.kind === 'error') return d.message;
  if (d.kind === 'panic') return `panic: ${d.reason} (0x${d.code.toString(16).padStart(2, '0')})`;
  return d.text;
}

/**
 * What a verification means for an export: a complete test must fail with the promised
 * reason, and a partial one (a replay only) must pass. Anything else makes it partial,
 * with a warning that says what happened.
 */
export function judgeVerification(test: ExportedTest, v: Verification): { status: ExportedTest['status']; note?: string; warning?: string } {
  if (v.outcome === 'unverified') return { status: test.status, note: `not checked in Vigil's EVM: ${v.why}` };
  if (test.status === 'complete' && test.expectedFailure !== undefined) {
    if (v.outcome === 'failed' && v.reason.startsWith(test.expectedFailure)) return { status: 'complete', note: `checked in Vigil's EVM: fails with ${v.reason}` };
    const got = v.outcome === 'passed' ? 'passes' : `fails with "${v.reason}"`;
    const why = v.outcome === 'failed' && v.reason.includes('arithmetic underflow or overflow')
      ? ' (the Solidity check overflows or goes below zero where JavaScript bigints do not)'
      : '';
    return { status: 'partial', warning: `run in Vigil's EVM, the exported test ${got} instead of failing with "${test.expectedFailure}"${why}` };
  }
  if (v.outcome === 'failed') return { status: 'partial', warning: `run in Vigil's EVM, the replay fails with "${v.reason}": it diverges from the run Vigil reported` };
  return { status: test.status, note: 'checked in Vigil\'s EVM: the replay runs to the end' };
}
