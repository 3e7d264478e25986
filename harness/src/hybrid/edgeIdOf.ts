import type { CodeCoverage } from '../chain/CoverageMap.js';

/**
 * CoverageMap's id of an edge (the ids in `freshEdges` and in corpus entries): the code's
 * ordinal times the map's stride plus the slot. The stride is CoverageMap's; a test runs a
 * real call and checks that the two agree.
 */
export function edgeIdOf(coverage: CodeCoverage, slot: number): number {
  return coverage.ordinal * EDGE_ID_STRIDE + slot;
}

const EDGE_ID_STRIDE = 1 << 22;
