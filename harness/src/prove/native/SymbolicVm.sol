// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The cheatcode account (0x7109…D12D) as the prover sees it: not run by Vigil's prover
/// on a real chain, only placed into the symbolic world. It models exactly the cheatcodes
/// whose meaning is a condition (`vm.assert*`, `vm.assume`); any other cheatcode ends the
/// path as unknown (CALLCODE is not modelled by the symbolic EVM, in static frames too).
///
/// `SymbolicVm`: a failed assertion reverts, as the real cheatcode does (invariant
/// functions and handlers). `SymbolicVmStrict`: it ends the path at a call to precompile
/// 0x04 (also not modelled), so a failed `vm.assert*` inside a `check_*` function is seen
/// even where the test catches the revert, as Vigil's assertion mode sees it.
abstract contract SymbolicVmBase {
    function _fail() internal view virtual;

    function _check(bool ok) internal view {
        if (!ok) _fail();
    }

    function assume(bool c) external pure {
        require(c);
    }

    function assertTrue(bool c) external view { _check(c); }
    function assertTrue(bool c, string calldata) external view { _check(c); }
    function assertFalse(bool c) external view { _check(!c); }
    function assertFalse(bool c, string calldata) external view { _check(!c); }

    function assertEq(bool a, bool b) external view { _check(a == b); }
    function assertEq(bool a, bool b, string calldata) external view { _check(a == b); }
    function assertEq(uint256 a, uint256 b) external view { _check(a == b); }
    function assertEq(uint256 a, uint256 b, string calldata) external view { _check(a == b); }
    function assertEq(int256 a, int256 b) external view { _check(a == b); }
    function assertEq(int256 a, int256 b, string calldata) external view { _check(a == b); }
    function assertEq(address a, address b) external view { _check(a == b); }
    function assertEq(address a, address b, string calldata) external view { _check(a == b); }
    function assertEq(bytes32 a, bytes32 b) external view { _check(a == b); }
    function assertEq(bytes32 a, bytes32 b, string calldata) external view { _check(a == b); }
    function assertEq(string calldata a, string calldata b) external view { _check(keccak256(bytes(a)) == keccak256(bytes(b))); }
    function assertEq(string calldata a, string calldata b, string calldata) external view { _check(keccak256(bytes(a)) == keccak256(bytes(b))); }
    function assertEq(bytes calldata a, bytes calldata b) external view { _check(keccak256(a) == keccak256(b)); }
    function assertEq(bytes calldata a, bytes calldata b, string calldata) external view { _check(keccak256(a) == keccak256(b)); }

    function assertNotEq(bool a, bool b) external view { _check(a != b); }
    function assertNotEq(bool a, bool b, string calldata) external view { _check(a != b); }
    function assertNotEq(uint256 a, uint256 b) external view { _check(a != b); }
    function assertNotEq(uint256 a, uint256 b, string calldata) external view { _check(a != b); }
    function assertNotEq(int256 a, int256 b) external view { _check(a != b); }
    function assertNotEq(int256 a, int256 b, string calldata) external view { _check(a != b); }
    function assertNotEq(address a, address b) external view { _check(a != b); }
    function assertNotEq(address a, address b, string calldata) external view { _check(a != b); }
    function assertNotEq(bytes32 a, bytes32 b) external view { _check(a != b); }
    function assertNotEq(bytes32 a, bytes32 b, string calldata) external view { _check(a != b); }

    function assertLt(uint256 a, uint256 b) external view { _check(a < b); }
    function assertLt(uint256 a, uint256 b, string calldata) external view { _check(a < b); }
    function assertLt(int256 a, int256 b) external view { _check(a < b); }
    function assertLt(int256 a, int256 b, string calldata) external view { _check(a < b); }
    function assertGt(uint256 a, uint256 b) external view { _check(a > b); }
    function assertGt(uint256 a, uint256 b, string calldata) external view { _check(a > b); }
    function assertGt(int256 a, int256 b) external view { _check(a > b); }
    function assertGt(int256 a, int256 b, string calldata) external view { _check(a > b); }
    function assertLe(uint256 a, uint256 b) external view { _check(a <= b); }
    function assertLe(uint256 a, uint256 b, string calldata) external view { _check(a <= b); }
    function assertLe(int256 a, int256 b) external view { _check(a <= b); }
    function assertLe(int256 a, int256 b, string calldata) external view { _check(a <= b); }
    function assertGe(uint256 a, uint256 b) external view { _check(a >= b); }
    function assertGe(uint256 a, uint256 b, string calldata) external view { _check(a >= b); }
    function assertGe(int256 a, int256 b) external view { _check(a >= b); }
    function assertGe(int256 a, int256 b, string calldata) external view { _check(a >= b); }

    fallback() external payable {
        assembly {
            pop(callcode(gas(), 0, 0, 0, 0, 0, 0))
        }
    }
}

contract SymbolicVm is SymbolicVmBase {
    function _fail() internal view override {
        revert("vigil prover: assertion failed");
    }
}

contract SymbolicVmStrict is SymbolicVmBase {
    function _fail() internal view override {
        assembly {
            pop(staticcall(gas(), 0x04, 0, 0, 0, 0))
        }
        revert("vigil prover: assertion failed");
    }
}
