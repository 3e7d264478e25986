// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Maze} from "../src/Maze.sol";

/// The cheatcodes this test uses (forge's `vm`).
interface Vm {
    function writeLine(string calldata path, string calldata data) external;
    function unixTime() external view returns (uint256 milliseconds);
    function toString(uint256 value) external pure returns (string memory);
}

/// forge's invariant fuzzer calls the maze's four moves; after every call it runs
/// invariant_recordBugs, which appends the bugs that call fired to logs/hits.txt with the
/// milliseconds since set-up. The invariant never fails on purpose: forge ends a campaign
/// at its first broken invariant (and an `assert` failing inside a target call breaks
/// every invariant), so a failing check would count one bug per campaign at most, where
/// Vigil reports each distinct bug once and searches on.
contract MazeInvariantTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    string internal constant LOG = "logs/hits.txt";

    Maze internal maze;
    uint256 internal startMs;
    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;

    function setUp() public {
        maze = new Maze();
        _targetedContracts.push(address(maze));
        bytes4[] memory moves = new bytes4[](4);
        moves[0] = Maze.moveNorth.selector;
        moves[1] = Maze.moveSouth.selector;
        moves[2] = Maze.moveWest.selector;
        moves[3] = Maze.moveEast.selector;
        _targetedSelectors.push(FuzzSelector({addr: address(maze), selectors: moves}));
        startMs = vm.unixTime();
        vm.writeLine(LOG, string.concat("start ", vm.toString(startMs)));
    }

    /// Bugs fired by the last call, as "<bit mask> <ms since set-up>".
    function invariant_recordBugs() public {
        uint256 hits = maze.newHits();
        if (hits != 0) vm.writeLine(LOG, string.concat(vm.toString(hits), " ", vm.toString(vm.unixTime() - startMs)));
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }
}
