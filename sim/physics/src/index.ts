// Public API of @tickswap/physics: every export is named here.
export {};
