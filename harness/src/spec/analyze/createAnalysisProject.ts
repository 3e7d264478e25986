import { Project, ts } from 'ts-morph';

/**
 * A project for parsing only. No lib files, no module resolution and no tsconfig:
 * the analysis reads syntax, and those are what make a first program build slow.
 * Reuse one project across files to skip even the set-up.
 */
export function createAnalysisProject(): Project {
  return new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowJs: true,
      noLib: true,
      noResolve: true,
      types: [],
    },
  });
}
