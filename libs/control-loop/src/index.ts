// Public API of @tickswap/control-loop: every export is named here.
export {};
