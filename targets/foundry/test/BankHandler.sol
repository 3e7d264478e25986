// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {Bank} from "../src/Bank.sol";

/// The fuzzer calls these; each acts as one of three actors and keeps ghost totals.
contract BankHandler is Test {
    Bank public immutable bank;
    address[3] internal actors = [address(0xA11CE), address(0xB0B), address(0xCA201)];
    uint256 public ghostDeposited;
    uint256 public ghostWithdrawn;

    constructor(Bank bank_) {
        bank = bank_;
    }

    function deposit(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % 3];
        amount = bound(amount, 0, 100 ether);
        vm.deal(actor, actor.balance + amount);
        vm.prank(actor);
        bank.deposit{value: amount}();
        ghostDeposited += amount;
    }

    function withdraw(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % 3];
        amount = bound(amount, 0, bank.balanceOf(actor));
        vm.prank(actor);
        bank.withdraw(amount);
        ghostWithdrawn += amount;
    }

    function withdrawAll(uint256 actorSeed) external {
        address actor = actors[actorSeed % 3];
        uint256 amount = bank.balanceOf(actor);
        uint256 before = actor.balance;
        vm.prank(actor);
        bank.withdraw(amount);
        ghostWithdrawn += amount;
        // A handler assertion: forge drops it with the revert (fail_on_revert = false); Vigil reports it.
        assertEq(actor.balance, before + amount, "withdrawAll paid a different amount");
    }
}
