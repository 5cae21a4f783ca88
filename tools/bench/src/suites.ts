import { devSuite } from './dev/dev-suite';
import { downtimeSuite } from './downtime/downtime-suite';
import { dynamixelSuite } from './dynamixel/dynamixel-suite';
import { gateSuite } from './gate/gate-suite';
import { loopSuite } from './loop/loop-suite';
import { mqttSuite } from './mqtt/mqtt-suite';
import { serialSuite } from './serial/serial-suite';
import { simSuite } from './sim/sim-suite';
import { dsuSuite } from './dsu/dsu-suite';
import type { BenchSuite } from './suite';
import { telemetrySuite } from './telemetry/telemetry-suite';

/** Every suite of `npm run bench`, in the order they run. One line per suite. */
export const SUITES: readonly BenchSuite[] = [
  loopSuite,
  simSuite,
  dynamixelSuite,
  dsuSuite,
  telemetrySuite,
  serialSuite,
  downtimeSuite,
  gateSuite,
  mqttSuite,
  devSuite,
];
