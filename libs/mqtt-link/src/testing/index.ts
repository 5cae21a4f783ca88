// Test helpers of @tickswap/mqtt-link (`@tickswap/mqtt-link/testing`): every export is named here.
export { FakePipeline, fakeBundle } from './fake-pipeline';
export type { FakePatch } from './fake-pipeline';
export { FLEET_DIR, fleetConfig } from './fleet-config';
export type { FleetConfigSettings } from './fleet-config';
export { FleetMosquitto } from './fleet-mosquitto';
export type { FleetMosquittoOptions } from './fleet-mosquitto';
export { freePort } from './free-port';
export { signedFixture } from './patch-format-pipeline';
export type { SignedFixture } from './patch-format-pipeline';
export { ResultWatch } from './result-watch';
export { startTestAgent } from './start-test-agent';
export type { TestAgent } from './start-test-agent';
export { makeTestCertificates } from './test-certificates';
