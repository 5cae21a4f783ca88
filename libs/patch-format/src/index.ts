// Public API of @tickswap/patch-format: every export is named here.
export {};
