import type { FortaFinding } from '../recommend/FortaFinding.js';

export interface BreachFacts {
  spec: string;
  invariant: string;
  message: string;
  chainId: number;
  block: bigint;
  blockHash: string;
  txHash?: string;
  attacker?: string;
  addresses: string[];
  metadata: Record<string, string>;
  at: Date;
}

/**
 * A broken invariant on a live chain is an exploit in progress until shown otherwise:
 * Critical and Exploit. The unique key is the invariant and block, so a pipeline that
 * sees the same alert twice (a monitor restarted mid-alert) can drop the copy.
 */
export function breachToForta(x: BreachFacts): FortaFinding {
  return {
    name: `Invariant broken: ${x.invariant}`,
    description: `${x.message} in block ${x.block}${x.txHash ? ` by transaction ${x.txHash}` : ''} (spec ${x.spec})`,
    alertId: `VIGIL-INVARIANT-${x.invariant.replace(/[^A-Za-z0-9]+/g, '-').toUpperCase()}`,
    protocol: x.spec,
    severity: 'Critical',
    type: 'Exploit',
    metadata: x.metadata,
    addresses: x.addresses,
    labels: x.attacker ? [{ entityType: 'Address', entity: x.attacker, label: 'attacker', confidence: 0.7 }] : [],
    uniqueKey: `${x.spec}:${x.invariant}:${x.block}`,
    source: {
      chains: [{ chainId: x.chainId }],
      block: { chainId: x.chainId, number: Number(x.block), hash: x.blockHash },
      ...(x.txHash ? { transactions: [{ chainId: x.chainId, hash: x.txHash }] } : {}),
    },
    timestamp: x.at.toISOString(),
  };
}
