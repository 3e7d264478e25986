/**
 * Whether a campaign hands the branches it keeps failing to flip to Z3 (`fuzz.hybrid`,
 * `--hybrid`): `auto` only once the search stalls, within a budget; `on` at every stall;
 * `off` never (Z3 is then never loaded).
 */
export type HybridMode = 'auto' | 'on' | 'off';

export const hybridModes: readonly HybridMode[] = ['auto', 'on', 'off'];
