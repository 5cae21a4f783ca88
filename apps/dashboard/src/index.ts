// Public API of @tickswap/dashboard: every export is named here.
export {};
