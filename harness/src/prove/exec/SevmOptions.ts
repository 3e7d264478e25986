/** Bounds and modelling choices of one exploration. Every bound that is hit is reported. */
export interface SevmOptions {
  /** Symbolic visits of one loop head before the path ends as `unknown: loop bound`. */
  loopBound: number;
  /** Instructions per path (concrete loops are bounded by this, not by loopBound). */
  maxSteps: number;
  /** End paths (any status) before the remaining ones end as `unknown: path budget`. */
  maxPaths: number;
  /** Paths waiting to be explored; a fork beyond it ends as `unknown: pending budget`. */
  maxPending: number;
  /** Wall-clock budget of the exploration; the paths still open end as `unknown: time budget`. */
  timeoutMs: number;
  /** Z3's own timeout per check (an `unknown` answer never prunes a path). */
  solverTimeoutMs: number;
  /** Bytes of memory per frame. */
  maxMemory: number;
  /** Nested call depth (the EVM allows 1024). */
  maxCallDepth: number;
  /**
   * Give every call into a contract a second outcome: the callee runs out of gas (the
   * caller keeps 1/64 and continues). Real, for any gas limit a caller may pick; paths
   * that rely on it carry a note.
   */
  nestedOutOfGas: boolean;
  /**
   * A call, EXTCODESIZE or EXTCODEHASH whose symbolic address may lie outside the
   * deployed contracts: 'none' treats such accounts as code-less (a closed world of the
   * deployed contracts), 'unknown' ends the call's path as unknown.
   */
  externalCode: 'none' | 'unknown';
}

export const defaultSevmOptions: SevmOptions = {
  loopBound: 3,
  maxSteps: 500_000,
  maxPaths: 2_000,
  maxPending: 10_000,
  timeoutMs: 60_000,
  solverTimeoutMs: 10_000,
  maxMemory: 1 << 22,
  maxCallDepth: 16,
  nestedOutOfGas: true,
  externalCode: 'unknown',
};
