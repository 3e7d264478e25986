interface RunStateLike {
  stack: { popN(n: number): bigint[]; pop(): bigint; push(v: bigint): void };
  memory: { write(offset: number, size: number, value: Uint8Array): void };
  interpreter: { storageLoad(key: Uint8Array): Promise<Uint8Array> };
}

interface OpcodeEntry {
  opHandler: (rs: RunStateLike, common: unknown) => unknown;
}

/**
 * The EVM turns every word it stores in memory or uses as a storage key into 32 bytes
 * with `setLengthLeft(bigIntToBytes(x), 32)`, which goes through a hex string and an
 * array spread; MSTORE alone runs several times per call. These handlers do the same
 * with a DataView. Installed on one EVM's opcode table; the gas handlers are untouched.
 */
export function installFastOpcodes(opcodeMap: (OpcodeEntry | undefined)[]): void {
  const mstore = opcodeMap[0x52];
  if (mstore !== undefined) {
    const scratch = new Uint8Array(32);
    const view = new DataView(scratch.buffer);
    mstore.opHandler = (rs) => {
      const [offset, word] = rs.stack.popN(2) as [bigint, bigint];
      writeWord(view, word);
      rs.memory.write(Number(offset), 32, scratch);
    };
  }
  const sload = opcodeMap[0x54];
  if (sload !== undefined) {
    sload.opHandler = async (rs) => {
      const key = new Uint8Array(32);
      writeWord(new DataView(key.buffer), rs.stack.pop());
      const value = await rs.interpreter.storageLoad(key);
      rs.stack.push(value.length === 0 ? 0n : bytesToBigInt(value));
    };
  }
}

const MASK64 = (1n << 64n) - 1n;

function writeWord(view: DataView, word: bigint): void {
  view.setBigUint64(24, word & MASK64);
  view.setBigUint64(16, (word >> 64n) & MASK64);
  view.setBigUint64(8, (word >> 128n) & MASK64);
  view.setBigUint64(0, word >> 192n);
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
