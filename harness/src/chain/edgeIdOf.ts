import { EDGE_ID_STRIDE, type CodeCoverage } from './CoverageMap.js';

/** The id CoverageMap gives an edge (in `freshEdges` and corpus entries), from its code and table slot. */
export function edgeIdOf(coverage: CodeCoverage, slot: number): number {
  return coverage.ordinal * EDGE_ID_STRIDE + slot;
}
