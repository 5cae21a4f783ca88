// Public API of @tickswap/dsu: every export is named here.
export {};
