// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Assertion mode: the fuzzer calls check functions directly; an assert that fails is a finding.
contract Average {
    uint256 public checked;

    /// BUG: halving each operand first loses the carry of two odd numbers.
    function average(uint256 a, uint256 b) public pure returns (uint256) {
        return a / 2 + b / 2;
    }

    function checkAverage(uint256 a, uint256 b) external {
        uint256 m = average(a, b);
        uint256 lo = a < b ? a : b;
        uint256 hi = a < b ? b : a;
        checked++;
        assert(lo <= m && m <= hi);
    }
}
