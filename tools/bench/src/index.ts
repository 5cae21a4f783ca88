// Public API of @tickswap/bench: every export is named here.
export {};
