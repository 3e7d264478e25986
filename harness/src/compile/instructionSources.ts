import { hexToBytes, type Hex } from 'viem';

/** Where one instruction comes from: a byte range of the source with solc's id `file` (-1: none). */
export interface SourceRange {
  start: number;
  length: number;
  file: number;
}

/**
 * solc's source map expanded to one entry per program counter: the map has one item per
 * instruction, and a PUSH's immediate bytes are not instructions. Offsets past the map
 * (the metadata trailer) have none.
 */
export function instructionSources(bytecode: Hex | Uint8Array, sourceMap: string): (SourceRange | undefined)[] {
  const code = typeof bytecode === 'string' ? hexToBytes(bytecode) : bytecode;
  const entries = decodeSourceMap(sourceMap);
  const table: (SourceRange | undefined)[] = new Array(code.length);
  for (let pc = 0, i = 0; pc < code.length; pc++, i++) {
    table[pc] = entries[i];
    const op = code[pc]!;
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return table;
}

/** Items are `s:l:f:j:m`; an empty field repeats the previous item's. */
function decodeSourceMap(map: string): SourceRange[] {
  if (map === '') return [];
  const out: SourceRange[] = [];
  let prev: SourceRange = { start: 0, length: 0, file: -1 };
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
