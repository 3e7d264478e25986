// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The few forge cheatcodes the bench uses (forge-std is not vendored here).
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function label(address account, string calldata newLabel) external;
}

// forge's cheatcode address: address(uint160(uint256(keccak256("hevm cheat code")))).
Vm constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
