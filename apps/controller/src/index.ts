// Public API of @tickswap/controller: every export is named here.
export {};
