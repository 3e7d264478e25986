// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {BenchToken} from "@bench/BenchToken.sol";
import {InvariantBase, bound} from "./utils/InvariantBase.sol";
import {vm} from "./utils/Vm.sol";

/// Handler: the fuzzer calls these; each bounds its inputs and acts as one of 3 actors.
contract Handler {
    BenchToken public immutable token;
    address[3] public actors;
    /// Ghost: what the actors' balances must add up to (minted minus burned).
    uint256 public ghostSumOfBalances;

    constructor(BenchToken token_) {
        token = token_;
        actors[0] = address(0xA11CE);
        actors[1] = address(0xB0B);
        actors[2] = address(0xCA201);
    }

    function transfer(uint256 actorSeed, uint256 toSeed, uint256 amount) external {
        address from = actors[actorSeed % 3];
        address to = actors[toSeed % 3];
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        require(token.transfer(to, amount), "transfer returned false");
    }

    function approve(uint256 actorSeed, uint256 spenderSeed, uint256 amount) external {
        address owner = actors[actorSeed % 3];
        address spender = actors[spenderSeed % 3];
        vm.prank(owner);
        token.approve(spender, amount);
    }

    function transferFrom(uint256 spenderSeed, uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address spender = actors[spenderSeed % 3];
        address from = actors[fromSeed % 3];
        address to = actors[toSeed % 3];
        uint256 allowed = token.allowance(from, spender);
        uint256 bal = token.balanceOf(from);
        amount = bound(amount, 0, allowed < bal ? allowed : bal);
        vm.prank(spender);
        require(token.transferFrom(from, to, amount), "transferFrom returned false");
    }

    function mint(uint256 toSeed, uint256 amount) external {
        address to = actors[toSeed % 3];
        amount = bound(amount, 0, 1e30);
        token.mint(to, amount);
        ghostSumOfBalances += amount;
    }

    function burn(uint256 actorSeed, uint256 amount) external {
        address from = actors[actorSeed % 3];
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        token.burn(amount);
        ghostSumOfBalances -= amount;
    }

    function sumOfBalances() external view returns (uint256 sum) {
        for (uint256 i = 0; i < 3; i++) sum += token.balanceOf(actors[i]);
    }
}

/// The invariant suite: the handler is the only target; forge calls its 5 actions.
contract BenchTokenInvariantTest is InvariantBase {
    BenchToken internal token;
    Handler internal handler;

    function setUp() public {
        token = new BenchToken();
        handler = new Handler(token);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = Handler.transfer.selector;
        selectors[1] = Handler.approve.selector;
        selectors[2] = Handler.transferFrom.selector;
        selectors[3] = Handler.mint.selector;
        selectors[4] = Handler.burn.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function invariant_totalSupplyEqualsSumOfBalances() public view {
        assertEq(token.totalSupply(), handler.sumOfBalances(), "totalSupply != sum of actor balances");
    }

    function invariant_totalSupplyEqualsGhostSum() public view {
        assertEq(token.totalSupply(), handler.ghostSumOfBalances(), "totalSupply != ghost sum of balances");
    }
}
