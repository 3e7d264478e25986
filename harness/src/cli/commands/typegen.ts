import { dirname, join, relative } from 'node:path';
import { compileSources } from '../../compile/compileSources.js';
import type { Artifact } from '../../compile/types.js';
import { findSpecFiles } from '../../fs/findSpecFiles.js';
import { loadSpec } from '../../spec/loadSpec.js';
import { writeArtifactTypes } from '../../spec/writeArtifactTypes.js';

/** Compiles the sources of the given specs and writes `<spec folder>/vigil-artifacts.d.ts`. */
export async function typegenForSpecs(root: string, files: readonly string[]): Promise<string[]> {
  const byDir = new Map<string, Artifact[]>();
  for (const file of files) {
    const spec = await loadSpec(file);
    const out = await compileSources({
      root,
      files: spec.sources.map((s) => join(dirname(file), s)),
      remappings: [...(spec.remappings ?? [])],
      cacheDir: join(root, '.vigil', 'cache', 'compile'),
    });
    const list = byDir.get(dirname(file)) ?? [];
    list.push(...out.artifacts);
    byDir.set(dirname(file), list);
  }
  const changed: string[] = [];
  for (const [dir, artifacts] of byDir) {
    const target = join(dir, 'vigil-artifacts.d.ts');
    if (await writeArtifactTypes(target, artifacts)) changed.push(relative(root, target));
  }
  return changed;
}

/** `vigil typegen`: type contract handles in specs from the compiled ABIs. */
export default async function typegen(paths: string[]): Promise<number> {
  const root = process.cwd();
  const files = findSpecFiles(root, paths.length > 0 ? paths : ['specs']);
  const changed = await typegenForSpecs(root, files);
  process.stdout.write(changed.length > 0 ? `wrote ${changed.join(', ')}\n` : 'types are up to date\n');
  return 0;
}
