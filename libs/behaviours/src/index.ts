// Public API of @tickswap/behaviours: every export is named here.
export {};
