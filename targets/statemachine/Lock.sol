// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Combination lock that opens after four calls in order, each needing one exact argument:
/// step1(0xC0FFEE), step2(42, 1000), step3(msg.sender), then step4(7) or step4Checked(7).
/// A wrong argument or a call out of order reverts, so progress is never lost.
/// Correct twin of LockBuggy: opening the lock (stage 4) never sets `broken`.
contract Lock {
    uint8 public stage;
    bool public broken;
    address public opener;

    event StageReached(uint8 stage);

    function step1(uint256 code) external {
        require(stage == 0, "Lock: wrong stage");
        require(code == 0xC0FFEE, "Lock: wrong code");
        _advance();
    }

    function step2(uint256 a, uint256 b) external {
        require(stage == 1, "Lock: wrong stage");
        require(a == 42 && b == 1000, "Lock: wrong pair");
        _advance();
    }

    function step3(address who) external {
        require(stage == 2, "Lock: wrong stage");
        require(who == msg.sender, "Lock: wrong opener");
        opener = who;
        _advance();
    }

    /// Final step; a property-mode spec checks `broken() == false` afterwards.
    function step4(uint8 k) external {
        _open(k);
    }

    /// Same final step with the check inline, for assertion mode. It is a separate entry
    /// point because a failing assert reverts, which would also undo `broken = true`.
    function step4Checked(uint8 k) external {
        _open(k);
        assert(!broken);
    }

    function _open(uint8 k) internal {
        require(stage == 3, "Lock: wrong stage");
        require(k == 7, "Lock: wrong key");
        _advance();
    }

    function _advance() internal {
        stage += 1;
        emit StageReached(stage);
    }
}
