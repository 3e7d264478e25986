/** The one table of exit codes: scripts and CI rely on these. */
export const EXIT = {
  ok: 0,
  violation: 1,
  usage: 2,
  inconclusive: 3,
  internal: 4,
} as const;
