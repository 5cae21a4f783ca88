// Public API of @tickswap/robots: every export is named here.
export {};
