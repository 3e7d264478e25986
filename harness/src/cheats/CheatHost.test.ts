import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodeFunctionResult, encodeFunctionData, keccak256, toHex, type Abi, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { compileSources } from '../compile/compileSources.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { TestChain } from '../chain/TestChain.js';
import type { Artifact } from '../compile/types.js';

const SENDER = '0x0000000000000000000000000000000000010000' as Hex;
const WHO = '0x00000000000000000000000000000000000a11ce' as Hex;
let user: Artifact;
let evmVersion: string;

beforeAll(async () => {
  const out = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['CheatUser.sol'] });
  user = out.artifacts.find((a) => a.name === 'CheatUser')!;
  evmVersion = out.evmVersion;
});

async function deployed(env: Record<string, string> = {}) {
  const chain = await TestChain.create({ hardfork: hardforkFor(evmVersion), cheats: { env: (n) => env[n] } });
  const r = await chain.deploy({ from: SENDER, data: user.bytecode });
  expect(r.status).toBe('success');
  const at = r.createdAddress!;
  const call = async (fn: string, args: unknown[] = []) => {
    const res = await chain.call({ from: SENDER, to: at, data: encodeFunctionData({ abi: user.abi as Abi, functionName: fn, args }) });
    return { res, out: res.status === 'success' ? decodeFunctionResult({ abi: user.abi as Abi, functionName: fn, data: res.returnData }) : undefined };
  };
  return { chain, at, call };
}

describe('cheatcodes', () => {
  it('prank sets msg.sender of the next call only; startPrank until stopPrank', async () => {
    const { call, at } = await deployed();
    const lower = (v: unknown) => (v as string[]).map((a) => a.toLowerCase());
    expect(lower((await call('pranked', [WHO])).out)).toEqual([WHO, at]);
    expect(lower((await call('started', [WHO])).out)).toEqual([WHO, WHO]);
  });

  it('warp and roll move the clock inside the call and for later calls', async () => {
    const { call, chain } = await deployed();
    expect((await call('clock', [2_000_000_000n, 99n])).out).toEqual([2_000_000_000n, 99n]);
    expect(chain.timestamp).toBe(2_000_000_000n);
    expect(chain.blockNumber).toBe(99n);
  });

  it('deal, store / load, etch and getNonce change and read state', async () => {
    const { call, chain } = await deployed();
    expect((await call('money', [WHO, 123n])).out).toBe(123n);
    expect(await chain.getBalance(WHO)).toBe(123n);
    const slot = toHex(2n, { size: 32 });
    const value = toHex(77n, { size: 32 });
    expect((await call('stored', [slot, value])).out).toEqual([value, 77n]);
    expect((await call('etched', ['0x00000000000000000000000000000000000e7c11'])).out).toBe(7n);
    expect((await call('nonceOf', [SENDER])).out).toBe(1n);
  });

  it('addr and sign agree with ecrecover', async () => {
    const { call } = await deployed();
    const digest = keccak256(toHex('vigil'));
    const [signer, recovered] = (await call('keys', [0xa11cen, digest])).out as [Hex, Hex];
    expect(signer.toLowerCase()).toBe(privateKeyToAddress(toHex(0xa11cen, { size: 32 })).toLowerCase());
    expect(recovered).toBe(signer);
  });

  it('a failed vm.assertEq reverts with forge\'s message and is recorded even when caught', async () => {
    const { call } = await deployed();
    const { res } = await call('checkEq', [1n, 2n]);
    expect(decodeRevert(res.returnData).text).toBe('Error("values differ: 1 != 2")');
    expect(res.cheatFailures).toEqual([expect.objectContaining({ cheat: 'assertEq', message: 'values differ: 1 != 2' })]);
    const caught = await call('caughtAssert', [1n, 2n]);
    expect(caught.out).toBe(false);
    expect(caught.res.cheatFailures).toHaveLength(1);
    expect((await call('checkEq', [3n, 3n])).res.cheatFailures).toBeUndefined();
  });

  it('expectRevert turns a matching revert into success and a missing one into a revert', async () => {
    const { call } = await deployed();
    expect((await call('expectedRevert')).out).toBe(true);
    const missing = await call('expectedRevertMissing');
    expect(missing.res.status).toBe('revert');
    expect(decodeRevert(missing.res.returnData).text).toBe('Error("call did not revert as expected")');
  });

  it('expectEmit compares the next call\'s events with the one the caller emitted', async () => {
    const { call } = await deployed();
    // Recorder.ping emits Ping(msg.sender = the test contract, amount).
    expect((await call('expectedEmit', [5n, 5n])).res.status).toBe('success');
    const wrong = await call('expectedEmit', [5n, 6n]);
    expect(decodeRevert(wrong.res.returnData).text).toBe('Error("log != expected log")');
  });

  it('envOr reads the environment with a default; assume rejects; unknown cheatcodes are named', async () => {
    const { call } = await deployed({ VIGIL_TEST_ENV_NUMBER: '0x10' });
    expect((await call('env', [5n])).out).toBe(16n);
    const plain = await deployed();
    expect((await plain.call('env', [5n])).out).toBe(5n);
    expect(decodeRevert((await plain.call('rejected', [3n])).res.returnData).text).toBe('Error("FOUNDRY::ASSUME")');
    expect((await plain.call('rejected', [30n])).out).toBe(30n);
    const u = await plain.call('unsupported');
    expect(decodeRevert(u.res.returnData).text).toMatch(/cheatcode 0x[0-9a-f]{8} \(mockCall\(address,bytes,bytes\)\) is not supported/);
    expect(plain.chain.cheats?.unsupported.has('mockCall(address,bytes,bytes)')).toBe(true);
  });
});
