// Public API of @tickswap/virtual-bus: every export is named here.
export {};
