// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IGuardedMarketToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// Two-collateral lending market with the levers incident responders expect, each behind
/// its own power: a pauser may pull any lever (pause everything, pause deposits or borrows,
/// freeze or pause one asset, tighten the outflow limit); only the admin may release them,
/// set caps, prices and roles. A frozen asset takes no new deposits or donations but its
/// holders may still withdraw, repay and be liquidated (as Aave's freeze); a paused asset
/// stops everything on it; `pause()` stops every user function, exits included.
/// Correct twin of GuardedMarketBuggy: every state-changing path that lowers collateral
/// or raises debt checks the position's health afterwards.
contract GuardedMarket {
    bytes32 public constant DEFAULT_ADMIN_ROLE = 0x00;
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    uint256 public constant LTV_PERCENT = 80;
    uint256 public constant BONUS_PERCENT = 10;
    uint256 public constant WINDOW = 1 days;
    uint256 private constant PRICE_SCALE = 1e18;

    IGuardedMarketToken public immutable cash;
    address[2] public assets;
    mapping(address => uint256) public priceOf;

    mapping(bytes32 => mapping(address => bool)) private roles;
    mapping(bytes32 => address[]) private members;
    bool public paused;
    bool public depositsPaused;
    bool public borrowsPaused;
    mapping(address => bool) public frozen;
    mapping(address => bool) public assetPaused;
    mapping(address => uint256) public supplyCap;
    /// ERC-7265-style circuit breaker: cash lent out per WINDOW.
    uint256 public outflowLimit = type(uint256).max;
    uint256 public windowStart;
    uint256 public windowOutflow;

    mapping(address => mapping(address => uint256)) public collateralOf;
    mapping(address => uint256) public totalCollateral;
    mapping(address => uint256) public reservesOf;
    mapping(address => uint256) public debtOf;
    uint256 public totalDebt;

    event RoleGranted(bytes32 indexed role, address indexed account);
    event Paused(address account);
    event Unpaused(address account);
    event Liquidated(address indexed user, address indexed liquidator, address asset, uint256 repaid, uint256 seized);

    modifier onlyRole(bytes32 role) {
        require(roles[role][msg.sender], "Market: missing role");
        _;
    }

    /// Pulling a lever (`on`) is the pauser's or the admin's; releasing it is the admin's alone.
    modifier leverRole(bool on) {
        require(roles[DEFAULT_ADMIN_ROLE][msg.sender] || (on && roles[PAUSER_ROLE][msg.sender]), "Market: missing role");
        _;
    }

    modifier whenNotPaused() {
        require(!paused, "Market: paused");
        _;
    }

    modifier listed(address asset) {
        require(asset == assets[0] || asset == assets[1], "Market: not listed");
        require(!assetPaused[asset], "Market: asset paused");
        _;
    }

    constructor(address cash_, address assetA, uint256 priceA, address assetB, uint256 priceB) {
        cash = IGuardedMarketToken(cash_);
        assets = [assetA, assetB];
        priceOf[assetA] = priceA;
        priceOf[assetB] = priceB;
        supplyCap[assetA] = type(uint256).max;
        supplyCap[assetB] = type(uint256).max;
        _grant(DEFAULT_ADMIN_ROLE, msg.sender);
    }

    // --- roles and levers ---------------------------------------------------

    function hasRole(bytes32 role, address account) external view returns (bool) {
        return roles[role][account];
    }

    /// Members are enumerable (as OpenZeppelin's AccessControlEnumerable), so tools can list who holds each power.
    function getRoleMemberCount(bytes32 role) external view returns (uint256) {
        return members[role].length;
    }

    function getRoleMember(bytes32 role, uint256 index) external view returns (address) {
        return members[role][index];
    }

    function grantRole(bytes32 role, address account) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _grant(role, account);
    }

    function _grant(bytes32 role, address account) internal {
        if (roles[role][account]) return;
        roles[role][account] = true;
        members[role].push(account);
        emit RoleGranted(role, account);
    }

    function pause() external leverRole(true) {
        require(!paused, "Market: paused");
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external leverRole(false) {
        require(paused, "Market: not paused");
        paused = false;
        emit Unpaused(msg.sender);
    }

    function pauseDeposits() external leverRole(true) {
        depositsPaused = true;
    }

    function unpauseDeposits() external leverRole(false) {
        depositsPaused = false;
    }

    function pauseBorrows() external leverRole(true) {
        borrowsPaused = true;
    }

    function unpauseBorrows() external leverRole(false) {
        borrowsPaused = false;
    }

    function setFrozen(address asset, bool on) external leverRole(on) {
        require(asset == assets[0] || asset == assets[1], "Market: not listed");
        frozen[asset] = on;
    }

    function setAssetPaused(address asset, bool on) external leverRole(on) {
        require(asset == assets[0] || asset == assets[1], "Market: not listed");
        assetPaused[asset] = on;
    }

    function setOutflowLimit(uint256 perWindow) external leverRole(perWindow <= outflowLimit) {
        outflowLimit = perWindow;
    }

    function setSupplyCap(address asset, uint256 cap) external onlyRole(DEFAULT_ADMIN_ROLE) {
        supplyCap[asset] = cap;
    }

    function setPrice(address asset, uint256 price) external onlyRole(DEFAULT_ADMIN_ROLE) {
        require(price >= 1e16 && price <= 1e21, "Market: price out of range");
        priceOf[asset] = price;
    }

    // --- views ----------------------------------------------------------------

    function collateralValue(address user) public view returns (uint256) {
        return (collateralOf[user][assets[0]] * priceOf[assets[0]] + collateralOf[user][assets[1]] * priceOf[assets[1]]) / PRICE_SCALE;
    }

    function isHealthy(address user) public view returns (bool) {
        return debtOf[user] * 100 <= collateralValue(user) * LTV_PERCENT;
    }

    // --- user functions (amounts above the position mean "all of it") ----------

    function deposit(address asset, uint256 amount) external whenNotPaused listed(asset) {
        require(!depositsPaused, "Market: deposits paused");
        require(!frozen[asset], "Market: frozen");
        require(amount != 0, "Market: zero amount");
        require(totalCollateral[asset] + amount <= supplyCap[asset], "Market: cap");
        collateralOf[msg.sender][asset] += amount;
        totalCollateral[asset] += amount;
        require(IGuardedMarketToken(asset).transferFrom(msg.sender, address(this), amount), "Market: transferFrom failed");
    }

    function withdraw(address asset, uint256 amount) external whenNotPaused listed(asset) {
        amount = _min(amount, collateralOf[msg.sender][asset]);
        require(amount != 0, "Market: zero amount");
        collateralOf[msg.sender][asset] -= amount;
        totalCollateral[asset] -= amount;
        require(isHealthy(msg.sender), "Market: unhealthy");
        require(IGuardedMarketToken(asset).transfer(msg.sender, amount), "Market: transfer failed");
    }

    /// Gives collateral to the market's reserves (a goodwill top-up, as Euler's donateToReserves).
    function donate(address asset, uint256 amount) external whenNotPaused listed(asset) {
        require(!frozen[asset], "Market: frozen");
        amount = _min(amount, collateralOf[msg.sender][asset]);
        require(amount != 0, "Market: zero amount");
        collateralOf[msg.sender][asset] -= amount;
        totalCollateral[asset] -= amount;
        reservesOf[asset] += amount;
        require(isHealthy(msg.sender), "Market: unhealthy");
    }

    function borrow(uint256 amount) external whenNotPaused {
        require(!borrowsPaused, "Market: borrows paused");
        require(amount != 0, "Market: zero amount");
        if (block.timestamp >= windowStart + WINDOW) {
            windowStart = block.timestamp;
            windowOutflow = 0;
        }
        windowOutflow += amount;
        require(windowOutflow <= outflowLimit, "Market: outflow limit");
        debtOf[msg.sender] += amount;
        totalDebt += amount;
        require(isHealthy(msg.sender), "Market: unhealthy");
        require(cash.transfer(msg.sender, amount), "Market: transfer failed");
    }

    function repay(uint256 amount) external whenNotPaused {
        amount = _min(amount, debtOf[msg.sender]);
        require(amount != 0, "Market: zero amount");
        debtOf[msg.sender] -= amount;
        totalDebt -= amount;
        require(cash.transferFrom(msg.sender, address(this), amount), "Market: transferFrom failed");
    }

    function liquidate(address user, address asset, uint256 repayAmount) external whenNotPaused listed(asset) returns (uint256 seized) {
        require(!isHealthy(user), "Market: healthy");
        repayAmount = _min(repayAmount, debtOf[user]);
        require(repayAmount != 0, "Market: zero amount");
        seized = (repayAmount * PRICE_SCALE * (100 + BONUS_PERCENT)) / (priceOf[asset] * 100);
        uint256 held = collateralOf[user][asset];
        if (seized > held) seized = held;
        collateralOf[user][asset] = held - seized;
        totalCollateral[asset] -= seized;
        debtOf[user] -= repayAmount;
        totalDebt -= repayAmount;
        // Debt with nothing left to back it is written off rather than left on the books.
        if (collateralValue(user) == 0 && debtOf[user] != 0) {
            totalDebt -= debtOf[user];
            debtOf[user] = 0;
        }
        require(cash.transferFrom(msg.sender, address(this), repayAmount), "Market: transferFrom failed");
        require(IGuardedMarketToken(asset).transfer(msg.sender, seized), "Market: transfer failed");
        emit Liquidated(user, msg.sender, asset, repayAmount, seized);
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
