import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { collectModuleBindings, type ModuleBinding } from './collectModuleBindings.js';
import { resolveModulePath } from './resolveModulePath.js';

/**
 * State of one analysis: the project, the files it touched and per-file caches.
 * Created per `analyzeSpecFile` call so nothing leaks between calls.
 */
export interface AnalysisSession {
  readonly project: Project;
  /** Adds the file (or re-reads it from disk if the project already had it). */
  openFile(file: string): SourceFile | undefined;
  /** Opens the file a relative import points at; undefined for packages and missing files. */
  openImport(fromFile: SourceFile, specifier: string): SourceFile | undefined;
  bindingsOf(sourceFile: SourceFile): ReadonlyMap<string, ModuleBinding>;
  /** Every file opened so far, in opening order. */
  openedFiles(): SourceFile[];
}

export function createAnalysisSession(project: Project): AnalysisSession {
  const opened = new Map<string, SourceFile>();
  const bindings = new Map<SourceFile, ReadonlyMap<string, ModuleBinding>>();
  const fileSystem = project.getFileSystem();

  function openFile(file: string): SourceFile | undefined {
    const absolute = path.resolve(file);
    const seen = opened.get(absolute);
    if (seen) return seen;
    const existing = project.getSourceFile(absolute);
    // A caller-supplied project may hold a stale copy (watch mode): re-read it once per analysis.
    if (existing) existing.refreshFromFileSystemSync();
    const sourceFile = existing ?? project.addSourceFileAtPathIfExists(absolute);
    if (sourceFile) opened.set(absolute, sourceFile);
    return sourceFile;
  }

  return {
    project,
    openFile,
    openImport(fromFile, specifier) {
      const target = resolveModulePath(fromFile.getFilePath(), specifier, (f) => fileSystem.fileExistsSync(f));
      return target === undefined ? undefined : openFile(target);
    },
    bindingsOf(sourceFile) {
      let cached = bindings.get(sourceFile);
      if (!cached) {
        cached = collectModuleBindings(sourceFile);
        bindings.set(sourceFile, cached);
      }
      return cached;
    },
    openedFiles: () => [...opened.values()],
  };
}
