import type { SourceIndex } from '../compile/SourceIndex.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Violation } from '../fuzz/Violation.js';
import type { SolidityLocation } from '../report/types.js';
import { encodeCall } from './encodeCall.js';
import { sourcePath } from './sourcePath.js';
import type { SpecSession } from './SpecSession.js';

/**
 * Where a finding shows in the Solidity, for code scanning: a located assertion at its
 * `assert`, with the contract and function around it; any other finding (an invariant,
 * a property, an assertion known only by its event or cheatcode) at the definition of the
 * function the shrunk sequence's last call ran, which may be written in a base contract.
 */
export function solidityLocationOf(session: SpecSession, index: SourceIndex, violation: Violation, lastCall: FuzzCall | undefined): SolidityLocation | undefined {
  const at = violation.location;
  if (violation.kind === 'assertion' && at !== undefined) {
    const text = index.text(at.file);
    const around = text === undefined ? undefined : index.enclosing(at.file, text.offsetOf(at.line, at.column));
    const contract = around?.contract ?? lastCall?.target.contract.name;
    if (contract !== undefined) {
      return {
        file: sourcePath(session, at.file), line: at.line, column: at.column, contract,
        ...(around?.function !== undefined ? { function: around.function } : {}),
      };
    }
  }
  if (lastCall === undefined) return undefined;
  const site = index.calledFunction(lastCall.target.contract.artifact, encodeCall(lastCall).data);
  const text = site === undefined ? undefined : index.text(site.source);
  if (site === undefined || text === undefined) return undefined;
  return {
    file: sourcePath(session, site.source), ...text.position(site.start), contract: site.contract,
    ...(site.function !== undefined ? { function: site.function } : {}),
  };
}
