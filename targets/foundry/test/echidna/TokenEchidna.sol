// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A token whose transfer reads both balances before writing them.
contract EchidnaToken {
    mapping(address => uint256) public balances;
    uint256 public totalSupply;

    function transfer(address to, uint256 amount) public {
        uint256 fromBalance = balances[msg.sender];
        uint256 toBalance = balances[to];
        require(fromBalance >= amount, "insufficient");
        // BUG: a transfer to oneself credits the stale balance over the debit.
        balances[msg.sender] = fromBalance - amount;
        balances[to] = toBalance + amount;
    }
}

/// Echidna-style suite: deployed from 0x30000, fuzzed from 0x10000 / 0x20000 / 0x30000.
contract TokenEchidnaTest is EchidnaToken {
    address constant A = address(0x10000);
    address constant B = address(0x20000);
    address constant C = address(0x30000);

    constructor() {
        balances[A] = 1000;
        balances[B] = 1000;
        balances[C] = 1000;
        totalSupply = 3000;
    }

    function echidna_supply_conserved() public view returns (bool) {
        return balances[A] + balances[B] + balances[C] == totalSupply;
    }

    function echidna_no_whale() public view returns (bool) {
        return balances[A] <= totalSupply;
    }
}

/// Medusa-style suite over the same token.
contract TokenMedusaTest is EchidnaToken {
    constructor() {
        balances[address(0x10000)] = 500;
        totalSupply = 500;
    }

    function property_sender_bounded() public view returns (bool) {
        return balances[address(0x10000)] <= totalSupply;
    }
}
