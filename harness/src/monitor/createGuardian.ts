import { createWalletClient, defineChain, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { LeverTx } from './LeverTx.js';
import { rpcEndpoint } from './rpcEndpoint.js';

export interface Guardian {
  address: Hex;
  /** Signs and sends; the key lives only in this closure. */
  send(lever: LeverTx): Promise<Hex>;
}

/**
 * The guardian from its private key: viem signs locally and sends the raw transaction to
 * the one RPC URL given. The key never leaves this closure, and any error text that could
 * carry it is scrubbed before it is shown.
 */
export function createGuardian(key: Hex, url: string, chainId: number): Guardian {
  const account = privateKeyToAccount(key);
  const endpoint = rpcEndpoint(url);
  const chain = defineChain({ id: chainId, name: `chain ${chainId}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [endpoint.url] } } });
  const wallet = createWalletClient({ account, chain, transport: http(endpoint.url, { retryCount: 2, timeout: 10_000, fetchOptions: { headers: endpoint.headers } }) });
  return {
    address: account.address.toLowerCase() as Hex,
    send: async (lever) => {
      try {
        return await wallet.sendTransaction({ account, chain, to: lever.to, data: lever.data });
      } catch (e) {
        throw new Error(scrub(`${(e as { shortMessage?: string }).shortMessage ?? (e as Error).message}`, key));
      }
    },
  };
}

function scrub(text: string, key: string): string {
  const bare = key.replace(/^0x/i, '');
  return text.split(key).join('<guardian key>').split(bare).join('<guardian key>');
}
