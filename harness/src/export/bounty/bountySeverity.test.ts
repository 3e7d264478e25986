import { describe, expect, it } from 'vitest';
import type { CallRecord, Finding } from '../../report/types.js';
import { bountySeverity } from './bountySeverity.js';
import { attackerGains, valueFlows } from './valueFlows.js';

const attacker = '0x0000000000000000000000000000000000010000';
const pool = '0x00000000000000000000000000000000000000aa';

function call(events: { from: string; to: string; value: string }[], value = '0'): CallRecord {
  return {
    contract: 'pool', contractName: 'Pool', address: pool, function: 'f', signature: 'f()', args: [], calldata: '0x',
    sender: attacker, value, timeDelta: '0', blockDelta: '0',
    result: { status: 'success', gasUsed: '0', events: events.map((args) => ({ contract: 'asset', name: 'Transfer', args })) },
  };
}

function finding(name: string, calls: CallRecord[]): Finding {
  const cx = { calls };
  return {
    id: `S:invariant:${name}`, spec: 'S', kind: 'invariant', name, message: `invariant ${name} broken`, seed: '1', run: 0,
    original: cx, shrunk: cx, shrink: { attempts: 0, status: 'complete' }, replayCommand: '', firstFoundMs: 0,
  };
}

describe('bounty severity from the check and the trace', () => {
  it('adds what the attacker\'s accounts received and sent, per asset, ignoring moves among them', () => {
    const calls = [call([{ from: attacker, to: pool, value: '5' }], '7'), call([{ from: pool, to: attacker, value: '9' }, { from: attacker, to: attacker, value: '3' }])];
    expect(attackerGains(valueFlows(calls), new Set([attacker]))).toEqual([
      { asset: 'ether', net: -7n, received: 0n },
      { asset: 'asset', net: 4n, received: 9n },
    ]);
  });

  it('raises a griefing-named check to Critical when the attacker ends with more than it started with', () => {
    const f = finding('queueOrder', [call([{ from: pool, to: attacker, value: '2' }])]);
    const s = bountySeverity(f, attackerGains(valueFlows(f.shrunk.calls), new Set([attacker])));
    expect(s.level).toBe('Critical');
    expect(s.reasons[0]).toMatch(/^from the check alone: Medium/);
    expect(s.reasons.join('\n')).toContain('end the sequence with 2 of `asset` more');
  });

  it('keeps a principal check Critical but says when the trace shows no transfer to the attacker', () => {
    const f = finding('supplyIsSumOfBalances', [call([])]);
    const s = bountySeverity(f, []);
    expect(s.level).toBe('Critical');
    expect(s.caveats[0]).toContain('no transfer to the attacker shows');
  });
});
