import { instructionSources, type SourceRange } from './instructionSources.js';
import { SourceText } from './SourceText.js';
import type { Artifact, CompileOutput } from './types.js';

export interface MappedLocation {
  file: string;
  line: number;
  column: number;
  /** The source text the instruction maps to (first line of it). */
  text: string;
}

/** Maps a program counter of a deployed contract to its Solidity file:line:col through solc's source map. */
export class SourceMapper {
  private readonly byPc = new Map<Artifact, (SourceRange | undefined)[]>();
  private readonly sources: Map<number, { name: string; text: SourceText }>;

  constructor(compiled: CompileOutput) {
    this.sources = new Map(compiled.sources.map((s) => [s.id, { name: s.name, text: new SourceText(s.content) }]));
  }

  locate(artifact: Artifact, pc: number): MappedLocation | undefined {
    let table = this.byPc.get(artifact);
    if (table === undefined) this.byPc.set(artifact, (table = instructionSources(artifact.deployedBytecode, artifact.deployedSourceMap)));
    const entry = table[pc];
    if (entry === undefined || entry.file < 0) return undefined;
    const source = this.sources.get(entry.file);
    if (source === undefined || source.text.content === '') return undefined;
    const { line, column } = source.text.position(entry.start);
    return { file: source.name, line, column, text: source.text.slice(entry.start, entry.length).split('\n')[0]! };
  }
}
