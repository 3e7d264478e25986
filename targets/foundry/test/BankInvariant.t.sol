// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {Bank, BankBuggy} from "../src/Bank.sol";
import {BankHandler} from "./BankHandler.sol";

abstract contract BankInvariantBase is Test {
    Bank internal bank;
    BankHandler internal handler;

    function newBank() internal virtual returns (Bank);

    function setUp() public {
        bank = newBank();
        handler = new BankHandler(bank);
        targetContract(address(handler));
    }

    function invariant_solvent() public view {
        assertGe(address(bank).balance, bank.totalDeposits(), "bank holds less ether than it owes");
    }

    function invariant_ghostsMatch() public view {
        assertEq(handler.ghostDeposited() - handler.ghostWithdrawn(), bank.totalDeposits());
    }
}

contract BankInvariantTest is BankInvariantBase {
    function newBank() internal override returns (Bank) {
        return new BankBuggy();
    }
}

/// The correct twin: the same suite over the correct Bank passes.
contract BankFixedInvariantTest is BankInvariantBase {
    function newBank() internal override returns (Bank) {
        return new Bank();
    }
}
