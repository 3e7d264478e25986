/** Solidity's Panic(uint256) codes and what they mean. */
export const panicReasons: Record<number, string> = {
  0x00: 'generic compiler panic',
  0x01: 'assertion failed',
  0x11: 'arithmetic underflow or overflow',
  0x12: 'division or modulo by zero',
  0x21: 'enum conversion out of range',
  0x22: 'incorrectly encoded storage byte array',
  0x31: 'pop on an empty array',
  0x32: 'array index out of bounds',
  0x41: 'memory allocation overflow',
  0x51: 'call to a zero-initialized internal function',
};
