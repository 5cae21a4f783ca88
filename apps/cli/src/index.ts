// Public API of @tickswap/cli: every export is named here.
export {};
