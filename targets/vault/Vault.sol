// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IVaultAsset {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// ERC4626-style vault. Every conversion rounds in the vault's favour, and one virtual
/// share plus one virtual asset make a donation ("inflation") attack cost the attacker
/// more than it takes from the victim. Consequence: the share price
/// (totalAssets + 1) / (totalSupply + 1) never decreases.
contract Vault {
    IVaultAsset public immutable asset;
    string public constant name = "Vigil Vault Share";
    string public constant symbol = "vVGL";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);
    event Withdraw(address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares);

    constructor(address asset_) {
        require(asset_ != address(0), "Vault: zero asset");
        asset = IVaultAsset(asset_);
    }

    function totalAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return _toShares(assets, false);
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function previewDeposit(uint256 assets) public view returns (uint256) {
        return _toShares(assets, false);
    }

    function previewMint(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, true);
    }

    function previewWithdraw(uint256 assets) public view returns (uint256) {
        return _toShares(assets, true);
    }

    function previewRedeem(uint256 shares) public view returns (uint256) {
        return _toAssets(shares, false);
    }

    function deposit(uint256 assets, address receiver) external returns (uint256 shares) {
        shares = previewDeposit(assets);
        require(shares != 0, "Vault: zero shares");
        require(asset.transferFrom(msg.sender, address(this), assets), "Vault: transferFrom failed");
        _mint(receiver, shares);
        emit Deposit(msg.sender, receiver, assets, shares);
    }

    function mint(uint256 shares, address receiver) external returns (uint256 assets) {
        assets = previewMint(shares);
        require(asset.transferFrom(msg.sender, address(this), assets), "Vault: transferFrom failed");
        _mint(receiver, shares);
        emit Deposit(msg.sender, receiver, assets, shares);
    }

    function withdraw(uint256 assets, address receiver, address owner) external returns (uint256 shares) {
        shares = previewWithdraw(assets);
        _exit(owner, receiver, assets, shares);
    }

    function redeem(uint256 shares, address receiver, address owner) external returns (uint256 assets) {
        assets = previewRedeem(shares);
        require(assets != 0, "Vault: zero assets");
        _exit(owner, receiver, assets, shares);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _moveShares(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        allowance[from][msg.sender] -= amount;
        _moveShares(from, to, amount);
        return true;
    }

    function _exit(address owner, address receiver, uint256 assets, uint256 shares) internal {
        if (msg.sender != owner) {
            allowance[owner][msg.sender] -= shares;
        }
        balanceOf[owner] -= shares;
        totalSupply -= shares;
        emit Transfer(owner, address(0), shares);
        require(asset.transfer(receiver, assets), "Vault: transfer failed");
        emit Withdraw(msg.sender, receiver, owner, assets, shares);
    }

    function _moveShares(address from, address to, uint256 amount) internal {
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _mint(address to, uint256 shares) internal {
        totalSupply += shares;
        balanceOf[to] += shares;
        emit Transfer(address(0), to, shares);
    }

    function _toShares(uint256 assets, bool roundUp) internal view returns (uint256) {
        return _mulDiv(assets, totalSupply + 1, totalAssets() + 1, roundUp);
    }

    function _toAssets(uint256 shares, bool roundUp) internal view returns (uint256) {
        return _mulDiv(shares, totalAssets() + 1, totalSupply + 1, roundUp);
    }

    function _mulDiv(uint256 x, uint256 y, uint256 d, bool roundUp) internal pure returns (uint256 z) {
        z = (x * y) / d;
        if (roundUp && mulmod(x, y, d) != 0) z += 1;
    }
}
