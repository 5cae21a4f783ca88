// Public API of @tickswap/telemetry: every export is named here.
export {};
