// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface ILendingPoolBuggyToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface ILendingPoolBuggyOracle {
    function price() external view returns (uint256);
}

/// BUG: withdrawCollateral checks health BEFORE lowering the collateral, i.e. against the
/// old amount. A borrower who is healthy now can withdraw everything:
/// depositCollateral(2), borrow(1), withdrawCollateral(2 or more) leaves debt 1 and collateral 0
/// (bad debt: nothing is left to seize, a liquidator can only write it off).
///
/// Single-market lending pool: deposit collateral, borrow the debt token up to 80% of the
/// collateral's oracle value, repay, withdraw while healthy, and liquidate unhealthy
/// positions for a 10% bonus. Amounts above the position (withdraw, repay, liquidate)
/// mean "all of it". A liquidation never seizes more collateral than exists; if it
/// takes the last unit, the remaining debt is written off, so no position is ever left
/// with debt and no collateral.
contract LendingPoolBuggy {
    uint256 public constant LTV_PERCENT = 80;
    uint256 public constant BONUS_PERCENT = 10;
    uint256 private constant PRICE_SCALE = 1e18;

    ILendingPoolBuggyToken public immutable collateralToken;
    ILendingPoolBuggyToken public immutable debtToken;
    ILendingPoolBuggyOracle public immutable oracle;

    mapping(address => uint256) public collateralOf;
    mapping(address => uint256) public debtOf;
    uint256 public totalDebt;
    uint256 public writtenOffDebt;

    event Borrowed(address indexed user, uint256 amount);
    event Repaid(address indexed user, uint256 amount);
    event Liquidated(address indexed user, address indexed liquidator, uint256 repaid, uint256 seized);
    event WrittenOff(address indexed user, uint256 debt);

    constructor(address collateralToken_, address debtToken_, address oracle_) {
        collateralToken = ILendingPoolBuggyToken(collateralToken_);
        debtToken = ILendingPoolBuggyToken(debtToken_);
        oracle = ILendingPoolBuggyOracle(oracle_);
    }

    function collateralValue(address user) public view returns (uint256) {
        return (collateralOf[user] * oracle.price()) / PRICE_SCALE;
    }

    function isHealthy(address user) public view returns (bool) {
        return debtOf[user] * 100 <= collateralValue(user) * LTV_PERCENT;
    }

    function hasBadDebt(address user) external view returns (bool) {
        return debtOf[user] != 0 && collateralOf[user] == 0;
    }

    function depositCollateral(uint256 amount) external {
        require(amount != 0, "Pool: zero amount");
        collateralOf[msg.sender] += amount;
        _pull(collateralToken, amount);
    }

    function withdrawCollateral(uint256 amount) external {
        amount = _min(amount, collateralOf[msg.sender]);
        require(amount != 0, "Pool: zero amount");
        require(isHealthy(msg.sender), "Pool: unhealthy");
        collateralOf[msg.sender] -= amount;
        require(collateralToken.transfer(msg.sender, amount), "Pool: transfer failed");
    }

    function borrow(uint256 amount) external {
        require(amount != 0, "Pool: zero amount");
        debtOf[msg.sender] += amount;
        totalDebt += amount;
        require(isHealthy(msg.sender), "Pool: unhealthy");
        require(debtToken.transfer(msg.sender, amount), "Pool: transfer failed");
        emit Borrowed(msg.sender, amount);
    }

    function repay(uint256 amount) external {
        amount = _min(amount, debtOf[msg.sender]);
        require(amount != 0, "Pool: zero amount");
        debtOf[msg.sender] -= amount;
        totalDebt -= amount;
        _pull(debtToken, amount);
        emit Repaid(msg.sender, amount);
    }

    function liquidate(address user, uint256 repayAmount) external returns (uint256 seized) {
        require(!isHealthy(user), "Pool: healthy");
        repayAmount = _min(repayAmount, debtOf[user]);
        require(repayAmount != 0, "Pool: zero amount");
        seized = (repayAmount * PRICE_SCALE * (100 + BONUS_PERCENT)) / (oracle.price() * 100);
        uint256 collateral = collateralOf[user];
        if (seized > collateral) seized = collateral;
        collateralOf[user] = collateral - seized;
        debtOf[user] -= repayAmount;
        totalDebt -= repayAmount;
        if (collateralOf[user] == 0 && debtOf[user] != 0) _writeOff(user);
        _pull(debtToken, repayAmount);
        require(collateralToken.transfer(msg.sender, seized), "Pool: transfer failed");
        emit Liquidated(user, msg.sender, repayAmount, seized);
    }

    // Debt with nothing left to back it is removed from the books instead of lingering.
    function _writeOff(address user) internal {
        uint256 debt = debtOf[user];
        debtOf[user] = 0;
        totalDebt -= debt;
        writtenOffDebt += debt;
        emit WrittenOff(user, debt);
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function _pull(ILendingPoolBuggyToken token, uint256 amount) internal {
        require(token.transferFrom(msg.sender, address(this), amount), "Pool: transferFrom failed");
    }
}
