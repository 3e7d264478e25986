export interface SolcModule {
  version(): string;
  compile(input: string, callbacks?: { import?: (path: string) => { contents: string } | { error: string } }): string;
}

/** solc-js is heavy (~0.5 s to load): only the commands that compile import it. */
export async function loadSolc(): Promise<SolcModule> {
  const mod = (await import('solc')) as unknown as { default: SolcModule };
  return mod.default;
}
