// SPDX-License-Identifier: MIT
pragma solidity >=0.8.13 <0.9.0;

/// What an invariant campaign may call, in forge-std's shapes: forge (and Vigil's
/// Solidity-native runner) read the public getters below by their ABI.
abstract contract StdInvariant {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    address[] private _excludedContracts;
    address[] private _targetedSenders;
    address[] private _excludedSenders;
    FuzzSelector[] private _targetedSelectors;
    FuzzSelector[] private _excludedSelectors;

    function targetContract(address newTargetedContract) internal {
        _targetedContracts.push(newTargetedContract);
    }

    function excludeContract(address newExcludedContract) internal {
        _excludedContracts.push(newExcludedContract);
    }

    function targetSender(address newTargetedSender) internal {
        _targetedSenders.push(newTargetedSender);
    }

    function excludeSender(address newExcludedSender) internal {
        _excludedSenders.push(newExcludedSender);
    }

    function targetSelector(FuzzSelector memory newTargetedSelector) internal {
        _targetedSelectors.push(newTargetedSelector);
    }

    function excludeSelector(FuzzSelector memory newExcludedSelector) internal {
        _excludedSelectors.push(newExcludedSelector);
    }

    function targetContracts() public view returns (address[] memory targetedContracts_) {
        return _targetedContracts;
    }

    function excludeContracts() public view returns (address[] memory excludedContracts_) {
        return _excludedContracts;
    }

    function targetSenders() public view returns (address[] memory targetedSenders_) {
        return _targetedSenders;
    }

    function excludeSenders() public view returns (address[] memory excludedSenders_) {
        return _excludedSenders;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targetedSelectors_) {
        return _targetedSelectors;
    }

    function excludeSelectors() public view returns (FuzzSelector[] memory excludedSelectors_) {
        return _excludedSelectors;
    }
}
