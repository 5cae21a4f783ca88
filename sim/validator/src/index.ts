// Public API of @tickswap/validator: every export is named here.
export {};
