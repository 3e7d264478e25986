import { Account, createAddressFromString } from '@ethereumjs/util';
import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { privateKeyToAddress, sign } from 'viem/accounts';
import { bytesToBigInt, shortBytes, wordBytes } from '../chain/words.js';
import { CheatFailure } from './CheatFailure.js';
import type { CheatContext, Cheatcode } from './Cheatcode.js';

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function privateKey(pk: bigint): Hex {
  if (pk === 0n || pk >= SECP256K1_N) throw new CheatFailure('private key must be in (0, secp256k1n)');
  return `0x${pk.toString(16).padStart(64, '0')}`;
}

async function account(ctx: CheatContext, who: Hex): Promise<Account> {
  return (await ctx.state.getAccount(createAddressFromString(who))) ?? new Account();
}

/** Balances, storage, code, nonces, the clock, keys and labels. */
export const stateCheats: Cheatcode[] = [
  {
    signature: 'function deal(address,uint256)',
    run: async (ctx, [who, wei]) => {
      const acc = await account(ctx, who as Hex);
      acc.balance = wei as bigint;
      await ctx.state.putAccount(createAddressFromString(who as Hex), acc);
    },
  },
  {
    signature: 'function store(address,bytes32,bytes32)',
    run: async (ctx, [who, slot, value]) => {
      const addr = createAddressFromString(who as Hex);
      if ((await ctx.state.getAccount(addr)) === undefined) await ctx.state.putAccount(addr, new Account());
      await ctx.state.putStorage(addr, hexToBytes(slot as Hex), shortBytes(BigInt(value as Hex)));
    },
  },
  {
    signature: 'function load(address,bytes32) returns (bytes32)',
    run: async (ctx, [who, slot]) => {
      const value = await ctx.state.getStorage(createAddressFromString(who as Hex), hexToBytes(slot as Hex));
      return [bytesToHex(wordBytes(bytesToBigInt(value)))];
    },
  },
  {
    signature: 'function etch(address,bytes)',
    run: async (ctx, [who, code]) => {
      const addr = createAddressFromString(who as Hex);
      if ((await ctx.state.getAccount(addr)) === undefined) await ctx.state.putAccount(addr, new Account());
      await ctx.state.putCode(addr, hexToBytes(code as Hex));
    },
  },
  { signature: 'function getNonce(address) returns (uint64)', run: async (ctx, [who]) => [(await account(ctx, who as Hex)).nonce] },
  {
    signature: 'function setNonce(address,uint64)',
    run: async (ctx, [who, nonce]) => {
      const acc = await account(ctx, who as Hex);
      if ((nonce as bigint) < acc.nonce) throw new CheatFailure(`vm.setNonce: new nonce ${nonce} is lower than the current ${acc.nonce}`);
      acc.nonce = nonce as bigint;
      await ctx.state.putAccount(createAddressFromString(who as Hex), acc);
    },
  },
  { signature: 'function warp(uint256)', run: (ctx, [t]) => ctx.block.set({ timestamp: t as bigint }) },
  { signature: 'function roll(uint256)', run: (ctx, [n]) => ctx.block.set({ number: n as bigint }) },
  { signature: 'function getBlockTimestamp() view returns (uint256)', run: (ctx) => [ctx.block.get().timestamp] },
  { signature: 'function getBlockNumber() view returns (uint256)', run: (ctx) => [ctx.block.get().number] },
  { signature: 'function addr(uint256) pure returns (address)', run: (_ctx, [pk]) => [privateKeyToAddress(privateKey(pk as bigint))] },
  {
    signature: 'function sign(uint256,bytes32) pure returns (uint8,bytes32,bytes32)',
    run: async (_ctx, [pk, digest]) => {
      const sig = await sign({ hash: digest as Hex, privateKey: privateKey(pk as bigint) });
      return [Number(sig.v ?? 27n + BigInt(sig.yParity ?? 0)), sig.r, sig.s];
    },
  },
  {
    signature: 'function label(address,string)',
    run: (ctx, [who, name]) => {
      ctx.cheats.labels.set((who as string).toLowerCase(), name as string);
    },
  },
  { signature: 'function getLabel(address) view returns (string)', run: (ctx, [who]) => [ctx.cheats.labels.get((who as string).toLowerCase()) ?? `unlabeled:${who}`] },
  {
    signature: 'function assume(bool) pure',
    run: (_ctx, [ok]) => {
      if (ok !== true) throw new CheatFailure('FOUNDRY::ASSUME', 'assume');
    },
  },
];

