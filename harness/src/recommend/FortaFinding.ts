/**
 * The finding shape alerting pipelines (Forta bots and their consumers) read: one type for
 * every alert Vigil emits, from a recommendation (`vigil recommend`) or a live breach
 * (`vigil monitor`). Metadata values are strings only, as Forta requires.
 */
export interface FortaFinding {
  name: string;
  description: string;
  alertId: string;
  protocol: string;
  severity: 'Unknown' | 'Info' | 'Low' | 'Medium' | 'High' | 'Critical';
  type: 'Unknown' | 'Exploit' | 'Suspicious' | 'Degraded' | 'Info' | 'Scam';
  metadata: Record<string, string>;
  addresses: string[];
  labels: { entityType: string; entity: string; label: string; confidence: number }[];
  uniqueKey: string;
  /** Forta's finding source: the chains it concerns and, for a live alert, the block and transactions. */
  source: {
    chains: { chainId: number }[];
    block?: { chainId: number; number: number; hash: string };
    transactions?: { chainId: number; hash: string }[];
  };
  timestamp: string;
}
