import type { SpecSession } from '../campaign/SpecSession.js';
import type { Recommendation, RecommendOptions } from '../recommend/types.js';
import type { Finding } from '../report/types.js';

export type RecommendFn = (session: SpecSession, finding: Finding, options: RecommendOptions) => Promise<Recommendation>;

/**
 * The recommender, when this build has it (`harness/src/recommend/recommend.ts`); the
 * monitor alerts without a recommendation otherwise, and says so.
 */
export async function loadRecommender(): Promise<RecommendFn | { missing: string }> {
  const path = '../recommend/recommend.js';
  try {
    const mod = (await import(path)) as { recommend?: RecommendFn };
    if (typeof mod.recommend === 'function') return mod.recommend;
    return { missing: 'harness/src/recommend/recommend.ts exports no recommend()' };
  } catch (e) {
    return { missing: `the recommender could not be loaded: ${(e as Error).message.split('\n')[0]}` };
  }
}
