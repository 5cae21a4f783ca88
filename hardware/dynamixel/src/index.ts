// Public API of @tickswap/dynamixel: every export is named here.
export {};
