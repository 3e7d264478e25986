import { parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { abiValueLiteral, addressLiteral, stringLiteral, uintLiteral, wordLiteral } from './solidityLiterals.js';
import { toSolidityInterface } from './toSolidityInterface.js';

describe('Solidity literals', () => {
  it('checksums addresses (solc rejects other mixed case)', () => {
    expect(addressLiteral('0xa647ff3c36cfab592509e13860ab8c4f28781a66')).toBe('0xA647ff3c36cFab592509E13860ab8c4F28781a66');
  });

  it('writes integers as people read them', () => {
    expect([0n, 999n, 1000n, 10n ** 18n, 3000n * 10n ** 18n, 10n ** 36n, 10n ** 30n, 123456789n, 2n ** 256n - 1n, -5n].map(uintLiteral)).toEqual([
      '0', '999', '1000', '1e18', '3000e18', '1e36', '1e30', '123456789', 'type(uint256).max', '-5',
    ]);
    expect(uintLiteral(2n ** 200n + 1n)).toBe(`0x${(2n ** 200n + 1n).toString(16)}`);
  });

  it('writes storage words as decimal amounts or as hex', () => {
    expect(wordLiteral(3n)).toBe('bytes32(uint256(3))');
    expect(wordLiteral(3000n * 10n ** 18n)).toBe('bytes32(uint256(3000e18))');
    expect(wordLiteral(2n ** 255n)).toBe(`bytes32(0x8${'0'.repeat(63)})`);
  });

  it('gives literals for simple ABI values only', () => {
    expect(abiValueLiteral({ type: 'uint8' }, 7n)).toBe('7');
    expect(abiValueLiteral({ type: 'uint8' }, 7)).toBe('7'); // as viem decodes small integers
    expect(abiValueLiteral({ type: 'int16' }, -7n)).toBe('int16(-7)');
    expect(abiValueLiteral({ type: 'bool' }, true)).toBe('true');
    expect(abiValueLiteral({ type: 'bytes4' }, '0x12345678')).toBe('bytes4(hex"12345678")');
    expect(abiValueLiteral({ type: 'string' }, 'say "hi"')).toBe('"say \\"hi\\""');
    expect(abiValueLiteral({ type: 'uint256[]' }, [1n])).toBeUndefined();
    expect(stringLiteral('é')).toBe('string(hex"c3a9")');
  });
});

describe('toSolidityInterface', () => {
  it('declares functions with data locations and leaves out those that need structs', () => {
    const abi = parseAbi([
      'struct P { uint256 a; }',
      'function name() view returns (string)',
      'function put(bytes data, uint256[] xs) payable',
      'function setP(P p)',
      'function owner() view returns (address)',
    ]);
    const iface = toSolidityInterface('IThing', abi);
    expect(iface.source).toBe([
      'interface IThing {',
      '    function name() external view returns (string memory);',
      '    function put(bytes calldata, uint256[] calldata) external payable;',
      '    function owner() external view returns (address);',
      '}',
    ].join('\n'));
    expect([...iface.declared]).toEqual(['name()', 'put(bytes,uint256[])', 'owner()']);
  });
});
