import { BrokerLink, topicsOf, type BrokerOptions } from '@tickswap/mqtt-link';

/**
 * The transport baseline: `count` round trips of a `bytes`-long payload
 * through the broker as a patch travels (operator -> a robot's patch topic
 * at QoS 1 -> a client that answers at once on its result topic at QoS 1 ->
 * operator), ms each, one at a time.
 *
 * @example
 * const ms = await echoRoundTrips(fleet.as('operator'), fleet.as('bench-echo'), 'bench-echo', 4000, 50);
 */
export async function echoRoundTrips(operator: BrokerOptions, echo: BrokerOptions, robot: string, bytes: number, count: number): Promise<number[]> {
  const topics = topicsOf(robot);
  const session = (clientId: string) => ({ clientId, persistent: false, reconnectPeriodMs: 0 });
  const answer = Buffer.from('{}');
  const echoLink: BrokerLink = await BrokerLink.connect(echo, session('bench-echo'), {
    message: (_topic, _payload, correlation) => void echoLink.publish(topics.result, answer, { qos: 1, ...(correlation === undefined ? {} : { correlation }) }),
  });
  let arrived: () => void = () => undefined;
  const operatorLink = await BrokerLink.connect(operator, session('bench-operator'), { message: () => arrived() });
  try {
    await echoLink.subscribe(topics.patch);
    await operatorLink.subscribe(topics.result);
    const payload = Buffer.alloc(bytes, 0x20);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const back = new Promise<void>((resolve) => (arrived = resolve));
      const start = performance.now();
      await operatorLink.publish(topics.patch, payload, { qos: 1 });
      await back;
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await operatorLink.end();
    await echoLink.end();
  }
}
