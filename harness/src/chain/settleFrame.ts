import { EVMError, type EVM } from '@ethereumjs/evm';

type ExecResult = Awaited<ReturnType<EVM['runCall']>>['execResult'];

interface FrameJournal {
  journal: { revert(): Promise<void>; commit(): Promise<void> };
  transientStorage: { revert(): void; commit(): void };
}

/**
 * The end of a message frame as `EVM.runCall` ends it: on an exception the frame's logs,
 * self-destructs, created addresses and refund are dropped and its checkpoint reverted
 * (CODESTORE_OUT_OF_GAS keeps the rest, as in the library); otherwise it commits.
 */
export async function settleFrame(e: FrameJournal, result: ExecResult, transient: boolean): Promise<void> {
  const err = result.exceptionError;
  if (err !== undefined) {
    if (err.error !== EVMError.errorMessages.CODESTORE_OUT_OF_GAS) {
      result.selfdestruct = new Map();
      result.createdAddresses = new Set();
      result.gasRefund = 0n;
    }
    result.logs = [];
    await e.journal.revert();
    if (transient) e.transientStorage.revert();
  } else {
    await e.journal.commit();
    if (transient) e.transientStorage.commit();
  }
}
