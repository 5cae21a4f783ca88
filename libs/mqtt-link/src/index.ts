// Public API of @tickswap/mqtt-link: every export is named here.
export {};
