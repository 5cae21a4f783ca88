import type { BrokerOptions } from '../broker-options';
import { PatchAgent } from '../patch-agent';
import type { AgentEvent, PatchAgentOptions } from '../patch-agent-options';
import { FakePipeline, type FakePatch } from './fake-pipeline';

/** An agent on a {@link FakePipeline}, with every event it reported. */
export interface TestAgent {
  readonly agent: PatchAgent<FakePatch>;
  readonly fake: FakePipeline;
  readonly events: AgentEvent[];
  /** Resolves once the agent reported `count` events of `kind` (`connected`, 2: it reconnected once). */
  reported(kind: AgentEvent['kind'], count: number): Promise<void>;
}

/**
 * Starts a {@link PatchAgent} for `robot` on a fresh {@link FakePipeline}
 * (running version `'1'`, reconnecting every 100 ms) and resolves once it is
 * connected.
 *
 * @example
 * const { agent, fake } = await startTestAgent('r1', fleet.as('r1'));
 */
export async function startTestAgent(
  robot: string,
  broker: BrokerOptions,
  options: Partial<PatchAgentOptions<FakePatch>> = {},
): Promise<TestAgent> {
  const fake = new FakePipeline('1');
  const events: AgentEvent[] = [];
  const listeners = new Set<() => void>();
  const agent = new PatchAgent<FakePatch>({
    robot,
    broker,
    pipeline: fake,
    figures: () => fake.figures(),
    reconnectPeriodMs: 100,
    ...options,
    onEvent: (event) => {
      events.push(event);
      for (const listener of listeners) listener();
    },
  });
  const reported = (kind: AgentEvent['kind'], count: number): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (events.filter((event) => event.kind === kind).length < count) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });
  agent.start();
  await reported('connected', 1);
  return { agent, fake, events, reported };
}
