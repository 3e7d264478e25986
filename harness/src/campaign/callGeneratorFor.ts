import { CallGenerator } from '../fuzz/CallGenerator.js';
import type { SpecSession } from './SpecSession.js';

/** The call generator of a spec session: its targets, senders, dictionary, address domain and time/block jumps. */
export function callGeneratorFor(session: SpecSession, seed: number): CallGenerator {
  return new CallGenerator({
    seed,
    targets: session.targets,
    senders: session.senders,
    env: {
      dictionary: session.dictionary,
      addresses: session.addressArgs === 'actors' ? session.senders : [...session.senders, ...session.deployment.contracts.map((c) => c.address)],
      addressDomain: session.addressArgs,
    },
    maxTimeDelay: session.settings.maxTimeDelay,
    maxBlockDelay: session.settings.maxBlockDelay,
  });
}
