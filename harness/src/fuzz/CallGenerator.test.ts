import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, toFunctionSelector, type AbiFunction, type Hex } from 'viem';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { compileSources } from '../compile/compileSources.js';
import type { Artifact, CompileOutput } from '../compile/types.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import { CallGenerator, type GeneratorOptions } from './CallGenerator.js';
import { Dictionary } from './Dictionary.js';
import type { FuzzCall } from './FuzzCall.js';
import { typeString } from './selectTargets.js';
import type { TargetFunction } from './TargetFunction.js';

const SENDERS: Hex[] = [
  '0x0000000000000000000000000000000000010000',
  '0x0000000000000000000000000000000000020000',
  '0x0000000000000000000000000000000000030000',
];

let compiled: CompileOutput;
let artifact: Artifact;

beforeAll(async () => {
  compiled = await compileSources({ root: join(import.meta.dirname, 'fixtures'), files: ['AllTypes.sol'] });
  artifact = compiled.artifacts.find((a) => a.name === 'AllTypes')!;
});

function targetsOf(contract: DeployedContract): TargetFunction[] {
  return contract.abi
    .filter((x): x is AbiFunction => x.type === 'function' && x.stateMutability !== 'view' && x.stateMutability !== 'pure')
    .map((fn) => {
      const signature = `${fn.name}(${fn.inputs.map(typeString).join(',')})`;
      return { contract, fn, signature, selector: toFunctionSelector(signature) as Hex, id: `${contract.key}.${fn.name}` };
    });
}

function generator(overrides: Partial<GeneratorOptions> = {}, address: Hex = '0x00000000000000000000000000000000000000aa') {
  const contract: DeployedContract = { key: 'types', name: 'AllTypes', address, abi: artifact.abi, artifact };
  const targets = targetsOf(contract);
  const dictionary = new Dictionary();
  const options: GeneratorOptions = {
    seed: 1,
    targets,
    senders: SENDERS,
    env: { dictionary, addresses: [...SENDERS, address] },
    maxTimeDelay: 604_800,
    maxBlockDelay: 60_480,
    ...overrides,
  };
  return { generator: new CallGenerator(options), targets, dictionary, options };
}

const calldata = (c: FuzzCall) => encodeFunctionData({ abi: [c.target.fn], functionName: c.target.fn.name, args: c.args } as never);
const take = (g: CallGenerator, n: number) => Array.from({ length: n }, () => g.next());

describe('CallGenerator', () => {
  it('only targets state-changing functions, each of them', () => {
    const { generator: g, targets } = generator();
    expect(targets.map((t) => t.fn.name).sort()).toEqual(['big', 'dynamic', 'orders', 'pay', 'small']);
    const called = new Set(take(g, 200).map((c) => c.target.fn.name));
    expect([...called].sort()).toEqual(['big', 'dynamic', 'orders', 'pay', 'small']);
  });

  it('makes calls that encode and that the real contract decodes and accepts', async () => {
    const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion) });
    for (const s of SENDERS) await chain.setBalance(s, 10n ** 30n);
    const deployed = await chain.deploy({ from: SENDERS[2]!, data: artifact.bytecode });
    expect(deployed.status).toBe('success');
    const { generator: g } = generator({ seed: 5 }, deployed.createdAddress!);
    for (const call of take(g, 300)) {
      const data = calldata(call);
      expect(data.startsWith(call.target.selector)).toBe(true);
      const r = await chain.call({ from: call.sender, to: call.target.contract.address, data, value: call.value });
      expect(r.status, `${call.target.signature} ${data}`).toBe('success');
    }
  });

  it('draws the same calls for the same seed', () => {
    const a = take(generator({ seed: 1234 }).generator, 100);
    const b = take(generator({ seed: 1234 }).generator, 100);
    expect(b).toEqual(a);
    expect(b.map(calldata)).toEqual(a.map(calldata));
  });

  it('draws different calls for a different seed', () => {
    const a = take(generator({ seed: 1234 }).generator, 100).map(calldata);
    const b = take(generator({ seed: 1235 }).generator, 100).map(calldata);
    expect(b).not.toEqual(a);
  });

  it('sends from the given senders only, and value only to payable functions', () => {
    const calls = take(generator({ seed: 8 }).generator, 500);
    for (const c of calls) {
      expect(SENDERS).toContain(c.sender);
      if (c.target.fn.stateMutability !== 'payable') expect(c.value).toBe(0n);
    }
    expect(new Set(calls.map((c) => c.sender)).size).toBe(SENDERS.length);
    const paid = calls.filter((c) => c.target.fn.name === 'pay');
    expect(paid.some((c) => c.value > 0n)).toBe(true);
    expect(paid.some((c) => c.value === 0n)).toBe(true);
  });

  it('jumps time and blocks within the limits, and never when the limit is 0', () => {
    const calls = take(generator({ seed: 9, maxTimeDelay: 3600, maxBlockDelay: 300 }).generator, 500);
    for (const c of calls) {
      expect(c.timeDelta >= 0n && c.timeDelta <= 3600n).toBe(true);
      expect(c.blockDelta >= 0n && c.blockDelta <= 300n).toBe(true);
      if (c.timeDelta === 0n) expect(c.blockDelta).toBe(0n);
    }
    expect(calls.filter((c) => c.timeDelta > 0n).length).toBeGreaterThan(10);
    expect(calls.filter((c) => c.timeDelta === 0n).length).toBeGreaterThan(250);

    const still = take(generator({ seed: 9, maxTimeDelay: 0, maxBlockDelay: 0 }).generator, 200);
    expect(still.every((c) => c.timeDelta === 0n && c.blockDelta === 0n)).toBe(true);
  });

  it('uses dictionary values added while the campaign runs', () => {
    const { generator: g, dictionary } = generator({ seed: 21 });
    const uintArgs = (cs: FuzzCall[]) => cs.filter((c) => c.target.fn.name === 'big').map((c) => c.args[0]);
    expect(uintArgs(take(g, 300))).not.toContain(0xbadc0de5n);
    dictionary.addValue(0xbadc0de5n);
    expect(uintArgs(take(g, 300))).toContain(0xbadc0de5n);
  });

  it('includes edge values among the drawn arguments', () => {
    const calls = take(generator({ seed: 3 }).generator, 1000).filter((c) => c.target.fn.name === 'big');
    const firsts = calls.map((c) => c.args[0]);
    expect(firsts).toContain(0n);
    expect(firsts).toContain((1n << 256n) - 1n);
  });
});

describe('CallGenerator: targets.addresses', () => {
  const STRANGER = '0x0000000000000000000000000000000000000b15' as Hex;
  const addressArgs = (calls: FuzzCall[]) =>
    calls.flatMap((c) => c.target.fn.inputs.flatMap((input, i) => (input.type === 'address' ? [c.args[i] as Hex] : [])));

  it("keeps address arguments to the actors, learnt comparison values included, when told 'actors'", () => {
    const dictionary = new Dictionary();
    dictionary.addAddress(STRANGER);
    const { generator: g, targets } = generator({ env: { dictionary, addresses: SENDERS, addressDomain: 'actors' } });
    // Each address argument was seen compared with STRANGER: a hint to put STRANGER there.
    for (const t of targets) g.learn(t, [0n, BigInt(STRANGER)], t.fn.inputs.map((i) => (i.type === 'address' ? 0n : 1n)));
    const seen = addressArgs(take(g, 3000));
    expect(seen.length).toBeGreaterThan(50);
    expect(new Set(seen.filter((a) => !SENDERS.includes(a)))).toEqual(new Set());
  });

  it("draws other addresses too by default ('any')", () => {
    const dictionary = new Dictionary();
    dictionary.addAddress(STRANGER);
    const { generator: g } = generator({ env: { dictionary, addresses: SENDERS } });
    expect(addressArgs(take(g, 3000)).some((a) => !SENDERS.includes(a))).toBe(true);
  });
});
