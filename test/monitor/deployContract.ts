import { resolve } from 'node:path';
import { createPublicClient, createWalletClient, defineChain, http, toHex, type Abi, type Hex, type PublicClient, type WalletClient } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { compileSources } from '../../harness/src/compile/compileSources.js';

/** anvil's first deterministic accounts' keys, derived from its default mnemonic as anvil does. */
export const ANVIL_KEYS: Hex[] = Array.from({ length: 5 }, (_, i) =>
  toHex(mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex: i }).getHdKey().privateKey!),
);

export const anvilChain = defineChain({ id: 31337, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } });

export function clients(url: string, key: Hex): { wallet: WalletClient; pub: PublicClient; address: Hex } {
  const account = privateKeyToAccount(key);
  return {
    wallet: createWalletClient({ account, chain: anvilChain, transport: http(url) }),
    pub: createPublicClient({ chain: anvilChain, transport: http(url) }) as PublicClient,
    address: account.address.toLowerCase() as Hex,
  };
}

/** Compiles `files` with the project's solc wrapper and returns the named contract's ABI and bytecode. */
export async function compiled(files: string[], name: string): Promise<{ abi: Abi; bytecode: Hex }> {
  const out = await compileSources({ root: process.cwd(), files: files.map((f) => resolve(f)), remappings: [], cacheDir: resolve('.vigil/cache/compile') });
  const a = out.artifacts.find((x) => x.name === name);
  if (a === undefined) throw new Error(`no ${name} in ${files.join(', ')}`);
  return { abi: a.abi, bytecode: a.bytecode };
}

/** Deploys with a real transaction and waits for it to be mined. */
export async function deploy(url: string, key: Hex, artifact: { abi: Abi; bytecode: Hex }, args: unknown[] = []): Promise<Hex> {
  const { wallet, pub } = clients(url, key);
  const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args, account: wallet.account!, chain: anvilChain });
  const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deployment failed: ${hash}`);
  return receipt.contractAddress.toLowerCase() as Hex;
}

/** Sends a contract call and waits for its receipt; returns it whether it succeeded or reverted. */
export async function send(url: string, key: Hex, to: Hex, abi: Abi, functionName: string, args: unknown[] = []) {
  const { wallet, pub } = clients(url, key);
  const hash = await wallet.writeContract({ address: to, abi, functionName, args, account: wallet.account!, chain: anvilChain, gas: 500_000n });
  return pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
}
