// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Price of one collateral unit in debt units, scaled by 1e18. Anyone may move it so a
/// fuzzer can crash or pump the market; values outside [MIN_PRICE, MAX_PRICE] are clamped
/// (not rejected) so every fuzzed call has an effect.
contract PriceOracle {
    uint256 public constant MIN_PRICE = 1e16;
    uint256 public constant MAX_PRICE = 1e21;

    uint256 public price = 1e18;

    event PriceSet(uint256 price);

    function setPrice(uint256 newPrice) external {
        if (newPrice < MIN_PRICE) newPrice = MIN_PRICE;
        if (newPrice > MAX_PRICE) newPrice = MAX_PRICE;
        price = newPrice;
        emit PriceSet(newPrice);
    }
}
