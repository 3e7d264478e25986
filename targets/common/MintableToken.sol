// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Plain ERC20 for the examples: the AMM pair, the lending pool's collateral and debt,
/// the vault's asset. Anyone may mint to anyone, so fuzzed actors fund themselves (and
/// donate to a vault) without a privileged setup step.
contract MintableToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    /// Caps fuzzed mints so the protocols' checked products (amount * price,
    /// shares * assets, reserve0 * reserve1) stay below 2^256 and their views never revert.
    uint256 public constant MAX_SUPPLY = type(uint128).max;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_) {
        name = name_;
        symbol = name_;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        require(totalSupply <= MAX_SUPPLY, "mint above MAX_SUPPLY");
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
