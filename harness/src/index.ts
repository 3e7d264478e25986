/** Vigil's one public entry: what spec files and the invariant library import. */
export { defineSpec } from './spec/defineSpec.js';
export { sum, forall, exists, implies } from './spec/quantifiers.js';
export { addressOf } from './spec/addressOf.js';
export { ghost } from './spec/ghost.js';
export { variantOf } from './spec/variantOf.js';
export type * from './spec/types.js';
export type { ArtifactRegistry } from './spec/ArtifactRegistry.js';
export { VigilError } from './errors/VigilError.js';
export type { ErrorCode } from './errors/codes.js';
export type { Recommendation, RecommendOptions, Lever } from './recommend/types.js';
