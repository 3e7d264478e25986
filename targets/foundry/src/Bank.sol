// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Ether deposits with per-account balances; withdrawals pay out what was deposited.
contract Bank {
    mapping(address => uint256) public balanceOf;
    uint256 public totalDeposits;

    function deposit() external payable {
        balanceOf[msg.sender] += msg.value;
        totalDeposits += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balanceOf[msg.sender] >= amount, "insufficient balance");
        balanceOf[msg.sender] -= amount;
        totalDeposits -= amount;
        (bool ok,) = msg.sender.call{value: payout(amount)}("");
        require(ok, "transfer failed");
    }

    function payout(uint256 amount) internal view virtual returns (uint256) {
        return amount;
    }
}

/// BUG: a "loyalty bonus" of 1% for closing an account of at least 1 ether is paid
/// out of other depositors' money, so the bank becomes insolvent.
contract BankBuggy is Bank {
    function payout(uint256 amount) internal view override returns (uint256) {
        if (balanceOf[msg.sender] == 0 && amount >= 1 ether) return amount + amount / 100;
        return amount;
    }
}
