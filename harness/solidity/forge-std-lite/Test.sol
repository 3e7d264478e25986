// SPDX-License-Identifier: MIT
pragma solidity >=0.8.13 <0.9.0;

// Vm and VmSafe are importable from here too (`import {Test, Vm} from "forge-std/Test.sol"`), as with forge-std.
import {Vm, VmSafe} from "./Vm.sol";
import {StdInvariant} from "./StdInvariant.sol";

/// A minimal stand-in for forge-std's Test, written for Vigil (forge-std is not vendored).
/// Files that import {Test} from "forge-std/Test.sol" and use only what is here compile
/// unchanged against the real forge-std: same names, same signatures, same behaviour.
/// Assertions go through the `vm.assert*` cheatcodes, as forge-std's do, so a failure
/// reverts with forge's own message ("<error>: 1 != 2", "assertion failed: ...").
abstract contract Test is StdInvariant {
    address internal constant VM_ADDRESS = address(uint160(uint256(keccak256("hevm cheat code"))));
    Vm internal constant vm = Vm(VM_ADDRESS);

    /// forge looked for this flag to tell test contracts apart; kept for tools that still do.
    bool public IS_TEST = true;

    uint256 private constant UINT256_MAX = type(uint256).max;
    uint256 private constant SIGN_BIT = 1 << 255;

    // --- assertions --------------------------------------------------------

    function fail() internal virtual {
        vm.assertTrue(false);
    }

    function fail(string memory err) internal virtual {
        vm.assertTrue(false, err);
    }

    function assertTrue(bool condition) internal pure virtual {
        vm.assertTrue(condition);
    }

    function assertTrue(bool condition, string memory err) internal pure virtual {
        vm.assertTrue(condition, err);
    }

    function assertFalse(bool condition) internal pure virtual {
        vm.assertFalse(condition);
    }

    function assertFalse(bool condition, string memory err) internal pure virtual {
        vm.assertFalse(condition, err);
    }

    function assertEq(bool left, bool right) internal pure virtual {
        vm.assertEq(left, right);
    }

    function assertEq(bool left, bool right, string memory err) internal pure virtual {
        vm.assertEq(left, right, err);
    }

    function assertEq(uint256 left, uint256 right) internal pure virtual {
        vm.assertEq(left, right);
    }

    function assertEq(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertEq(left, right, err);
    }

    function assertEq(int256 left, int256 right) internal pure virtual {
        vm.assertEq(left, right);
    }

    function assertEq(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertEq(left, right, err);
    }

    function assertEq(address left, address right) internal pure virtual {
        vm.assertEq(left, right);
    }

    function assertEq(address left, address right, string memory err) internal pure virtual {
        vm.assertEq(left, right, err);
    }

    function assertEq(bytes32 left, bytes32 right) internal pure virtual {
        vm.assertEq(left, right);
    }

    function assertEq(bytes32 left, bytes32 right, string memory err) internal pure virtual {
        vm.assertEq(left, right, err);
    }

    function assertNotEq(bool left, bool right) internal pure virtual {
        vm.assertNotEq(left, right);
    }

    function assertNotEq(bool left, bool right, string memory err) internal pure virtual {
        vm.assertNotEq(left, right, err);
    }

    function assertNotEq(uint256 left, uint256 right) internal pure virtual {
        vm.assertNotEq(left, right);
    }

    function assertNotEq(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertNotEq(left, right, err);
    }

    function assertNotEq(int256 left, int256 right) internal pure virtual {
        vm.assertNotEq(left, right);
    }

    function assertNotEq(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertNotEq(left, right, err);
    }

    function assertNotEq(address left, address right) internal pure virtual {
        vm.assertNotEq(left, right);
    }

    function assertNotEq(address left, address right, string memory err) internal pure virtual {
        vm.assertNotEq(left, right, err);
    }

    function assertNotEq(bytes32 left, bytes32 right) internal pure virtual {
        vm.assertNotEq(left, right);
    }

    function assertNotEq(bytes32 left, bytes32 right, string memory err) internal pure virtual {
        vm.assertNotEq(left, right, err);
    }

    function assertLt(uint256 left, uint256 right) internal pure virtual {
        vm.assertLt(left, right);
    }

    function assertLt(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertLt(left, right, err);
    }

    function assertLt(int256 left, int256 right) internal pure virtual {
        vm.assertLt(left, right);
    }

    function assertLt(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertLt(left, right, err);
    }

    function assertGt(uint256 left, uint256 right) internal pure virtual {
        vm.assertGt(left, right);
    }

    function assertGt(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertGt(left, right, err);
    }

    function assertGt(int256 left, int256 right) internal pure virtual {
        vm.assertGt(left, right);
    }

    function assertGt(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertGt(left, right, err);
    }

    function assertLe(uint256 left, uint256 right) internal pure virtual {
        vm.assertLe(left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertLe(left, right, err);
    }

    function assertLe(int256 left, int256 right) internal pure virtual {
        vm.assertLe(left, right);
    }

    function assertLe(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertLe(left, right, err);
    }

    function assertGe(uint256 left, uint256 right) internal pure virtual {
        vm.assertGe(left, right);
    }

    function assertGe(uint256 left, uint256 right, string memory err) internal pure virtual {
        vm.assertGe(left, right, err);
    }

    function assertGe(int256 left, int256 right) internal pure virtual {
        vm.assertGe(left, right);
    }

    function assertGe(int256 left, int256 right, string memory err) internal pure virtual {
        vm.assertGe(left, right, err);
    }

    // --- fuzz helpers ------------------------------------------------------

    /// Maps x into [min, max] without reverting, as forge-std does: values already inside
    /// stay as they are (so dictionary values survive), the four smallest and the four
    /// largest uint256 land on the range's own edges, and the rest wrap around it.
    function bound(uint256 x, uint256 min, uint256 max) internal pure virtual returns (uint256 result) {
        require(min <= max, "StdUtils bound(uint256,uint256,uint256): Max is less than min.");
        if (min <= x && x <= max) return x;
        // Not reached for the full range (every x is inside it), so size cannot overflow.
        uint256 size = max - min + 1;
        if (x <= 3 && x < size) return min + x;
        uint256 fromTop = UINT256_MAX - x;
        if (fromTop <= 3 && fromTop < size) return max - fromTop;
        if (x > max) {
            uint256 over = (x - max) % size;
            return over == 0 ? max : min + over - 1;
        }
        uint256 under = (min - x) % size;
        return under == 0 ? min : max - under + 1;
    }

    /// The int256 version: flipping the sign bit maps int256 onto uint256 in order.
    function bound(int256 x, int256 min, int256 max) internal pure virtual returns (int256 result) {
        require(min <= max, "StdUtils bound(int256,int256,int256): Max is less than min.");
        uint256 bounded = bound(_toOrdered(x), _toOrdered(min), _toOrdered(max));
        return int256(bounded ^ SIGN_BIT);
    }

    function _toOrdered(int256 x) private pure returns (uint256) {
        return uint256(x) ^ SIGN_BIT;
    }

    // --- cheat helpers -----------------------------------------------------

    /// A labelled address derived from a name: keccak256(name) is its private key.
    function makeAddr(string memory name) internal virtual returns (address addr) {
        (addr,) = makeAddrAndKey(name);
    }

    function makeAddrAndKey(string memory name) internal virtual returns (address addr, uint256 privateKey) {
        privateKey = uint256(keccak256(abi.encodePacked(name)));
        addr = vm.addr(privateKey);
        vm.label(addr, name);
    }

    function deal(address to, uint256 give) internal virtual {
        vm.deal(to, give);
    }

    /// The next call comes from `who`, funded with 2^128 wei.
    function hoax(address who) internal virtual {
        vm.deal(who, 1 << 128);
        vm.prank(who);
    }

    function hoax(address who, uint256 give) internal virtual {
        vm.deal(who, give);
        vm.prank(who);
    }

    function skip(uint256 time) internal virtual {
        vm.warp(block.timestamp + time);
    }

    function rewind(uint256 time) internal virtual {
        vm.warp(block.timestamp - time);
    }
}
