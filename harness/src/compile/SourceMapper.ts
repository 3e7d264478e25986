import { hexToBytes } from 'viem';
import type { Artifact, CompileOutput } from './types.js';

export interface MappedLocation {
  file: string;
  line: number;
  column: number;
  /** The source text the instruction maps to (first line of it). */
  text: string;
}

interface Entry {
  start: number;
  length: number;
  file: number;
}

/** Maps a program counter of a deployed contract to its Solidity file:line:col through solc's source map. */
export class SourceMapper {
  private readonly byPc = new Map<Artifact, (Entry | undefined)[]>();
  private readonly sources: Map<number, { name: string; content: string; lineStarts: number[] }>;

  constructor(compiled: CompileOutput) {
    this.sources = new Map(compiled.sources.map((s) => [s.id, { name: s.name, content: s.content, lineStarts: lineStarts(s.content) }]));
  }

  locate(artifact: Artifact, pc: number): MappedLocation | undefined {
    let table = this.byPc.get(artifact);
    if (table === undefined) this.byPc.set(artifact, (table = buildTable(artifact.deployedBytecode, artifact.deployedSourceMap)));
    const entry = table[pc];
    if (entry === undefined || entry.file < 0) return undefined;
    const source = this.sources.get(entry.file);
    if (source === undefined || source.content === '') return undefined;
    let line = 0;
    while (line + 1 < source.lineStarts.length && source.lineStarts[line + 1]! <= entry.start) line++;
    const text = source.content.slice(entry.start, entry.start + entry.length).split('\n')[0]!;
    return { file: source.name, line: line + 1, column: entry.start - source.lineStarts[line]! + 1, text };
  }
}

function lineStarts(content: string): number[] {
  const starts = [0];
  for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function buildTable(bytecode: string, sourceMap: string): (Entry | undefined)[] {
  const code = hexToBytes(bytecode as `0x${string}`);
  const entries = decodeSourceMap(sourceMap);
  const table: (Entry | undefined)[] = new Array(code.length);
  for (let pc = 0, i = 0; pc < code.length; pc++, i++) {
    table[pc] = entries[i];
    const op = code[pc]!;
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return table;
}

function decodeSourceMap(map: string): Entry[] {
  const out: Entry[] = [];
  let prev: Entry = { start: 0, length: 0, file: -1 };
  for (const item of map.split(';')) {
    const [s, l, f] = item.split(':');
    prev = {
      start: s ? Number(s) : prev.start,
      length: l ? Number(l) : prev.length,
      file: f ? Number(f) : prev.file,
    };
    out.push(prev);
  }
  return out;
}
