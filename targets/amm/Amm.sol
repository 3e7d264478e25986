// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IAmmToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// Constant-product pool with a 0.3% fee on the input side. Outputs round down, so
/// k = reserve0 * reserve1 never decreases across a swap, and k / totalShares^2 never
/// decreases across any call.
contract Amm {
    uint256 public constant MINIMUM_SHARES = 1000;
    uint256 private constant MAX_RESERVE = type(uint112).max;

    IAmmToken public immutable token0;
    IAmmToken public immutable token1;
    uint256 public reserve0;
    uint256 public reserve1;
    uint256 public totalShares;
    mapping(address => uint256) public sharesOf;

    event LiquidityAdded(address indexed provider, uint256 amount0, uint256 amount1, uint256 shares);
    event LiquidityRemoved(address indexed provider, uint256 amount0, uint256 amount1, uint256 shares);
    event Swap(address indexed trader, address indexed tokenIn, uint256 amountIn, uint256 amountOut);

    constructor(address token0_, address token1_) {
        require(token0_ != address(0) && token1_ != address(0) && token0_ != token1_, "Amm: bad tokens");
        token0 = IAmmToken(token0_);
        token1 = IAmmToken(token1_);
    }

    function k() external view returns (uint256) {
        return reserve0 * reserve1;
    }

    function addLiquidity(uint256 amount0, uint256 amount1) external returns (uint256 shares) {
        require(amount0 != 0 && amount1 != 0, "Amm: zero amount");
        if (totalShares == 0) {
            // Locked forever so totalShares never returns to zero while dust reserves remain.
            shares = _sqrt(amount0 * amount1);
            require(shares > MINIMUM_SHARES, "Amm: first deposit too small");
            shares -= MINIMUM_SHARES;
            sharesOf[address(0)] = MINIMUM_SHARES;
            totalShares = MINIMUM_SHARES;
        } else {
            shares = _min((amount0 * totalShares) / reserve0, (amount1 * totalShares) / reserve1);
        }
        require(shares != 0, "Amm: zero shares");
        _pull(token0, amount0);
        _pull(token1, amount1);
        sharesOf[msg.sender] += shares;
        totalShares += shares;
        _setReserves(reserve0 + amount0, reserve1 + amount1);
        emit LiquidityAdded(msg.sender, amount0, amount1, shares);
    }

    function removeLiquidity(uint256 shares) external returns (uint256 amount0, uint256 amount1) {
        require(totalShares != 0, "Amm: empty pool");
        amount0 = (shares * reserve0) / totalShares;
        amount1 = (shares * reserve1) / totalShares;
        require(amount0 != 0 && amount1 != 0, "Amm: zero amount");
        sharesOf[msg.sender] -= shares;
        totalShares -= shares;
        _setReserves(reserve0 - amount0, reserve1 - amount1);
        require(token0.transfer(msg.sender, amount0), "Amm: transfer failed");
        require(token1.transfer(msg.sender, amount1), "Amm: transfer failed");
        emit LiquidityRemoved(msg.sender, amount0, amount1, shares);
    }

    function swap(address tokenIn, uint256 amountIn, uint256 minOut) external returns (uint256 amountOut) {
        bool zeroForOne = tokenIn == address(token0);
        require(zeroForOne || tokenIn == address(token1), "Amm: unknown token");
        require(amountIn != 0, "Amm: zero amount");
        (uint256 reserveIn, uint256 reserveOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0);
        amountOut = getAmountOut(amountIn, reserveIn, reserveOut);
        require(amountOut != 0 && amountOut < reserveOut, "Amm: bad output");
        require(amountOut >= minOut, "Amm: slippage");
        (IAmmToken tIn, IAmmToken tOut) = zeroForOne ? (token0, token1) : (token1, token0);
        _pull(tIn, amountIn);
        require(tOut.transfer(msg.sender, amountOut), "Amm: transfer failed");
        if (zeroForOne) _setReserves(reserve0 + amountIn, reserve1 - amountOut);
        else _setReserves(reserve0 - amountOut, reserve1 + amountIn);
        emit Swap(msg.sender, tokenIn, amountIn, amountOut);
    }

    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public pure returns (uint256) {
        uint256 amountInWithFee = amountIn * 997;
        return (amountInWithFee * reserveOut) / (reserveIn * 1000 + amountInWithFee);
    }

    function _pull(IAmmToken token, uint256 amount) internal {
        require(token.transferFrom(msg.sender, address(this), amount), "Amm: transferFrom failed");
    }

    // Capping reserves at uint112 keeps reserve0 * reserve1 (and k()) from overflowing.
    function _setReserves(uint256 r0, uint256 r1) internal {
        require(r0 <= MAX_RESERVE && r1 <= MAX_RESERVE, "Amm: reserve overflow");
        reserve0 = r0;
        reserve1 = r1;
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function _sqrt(uint256 y) internal pure returns (uint256 z) {
        if (y > 3) {
            z = y;
            uint256 x = y / 2 + 1;
            while (x < z) {
                z = x;
                x = (y / x + x) / 2;
            }
        } else if (y != 0) {
            z = 1;
        }
    }
}
