// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// BUG: `_transfer` caches both balances before writing them, so a transfer to
/// yourself (transfer(msg.sender, x) or transferFrom(a, a, x)) credits x out of thin air:
/// the sum of balances grows past totalSupply in one call.
///
/// ERC20 with owner-only minting, holder burning and an owner pause switch.
contract TokenBuggy {
    string public constant name = "Vigil Token";
    string public constant symbol = "VGL";
    uint8 public constant decimals = 18;

    address public owner;
    bool public paused;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Paused(address account);
    event Unpaused(address account);

    modifier onlyOwner() {
        require(msg.sender == owner, "Token: not owner");
        _;
    }

    modifier whenNotPaused() {
        require(!paused, "Token: paused");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function pause() external onlyOwner {
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyOwner {
        paused = false;
        emit Unpaused(msg.sender);
    }

    function mint(address to, uint256 amount) external onlyOwner {
        require(to != address(0), "Token: mint to zero");
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function burn(uint256 amount) external whenNotPaused {
        balanceOf[msg.sender] -= amount;
        totalSupply -= amount;
        emit Transfer(msg.sender, address(0), amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external whenNotPaused returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external whenNotPaused returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        require(to != address(0), "Token: transfer to zero");
        uint256 fromBalance = balanceOf[from];
        uint256 toBalance = balanceOf[to];
        require(fromBalance >= amount, "Token: balance too low");
        balanceOf[from] = fromBalance - amount;
        balanceOf[to] = toBalance + amount;
        emit Transfer(from, to, amount);
    }
}
