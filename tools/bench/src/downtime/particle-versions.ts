import { Namespace, type PatchStep } from '@tickswap/dsu';

/** What both versions of the benchmark's particles offer the filter. */
export interface BenchParticle {
  step(dt: number): void;
}

/** The behaviour that holds the particles and moves some of them each tick, round-robin from `cursor`. */
export interface BenchFilter {
  readonly particles: BenchParticle[];
  cursor: number;
}

/** Particles moved per tick: the tick costs the same for every N, only the state the update migrates grows. */
export const MOVES_PER_TICK = 2000;

/**
 * Two versions of the particle of a particle filter (version 2 renames
 * `weight` to `likelihood` and adds `age`; both move the same way, so the
 * tick cost after the update compares the objects, not the code), the
 * filter that holds N of them, the namespace of version 1 and the patch.
 * Fresh classes each call: a commit turns the old prototype into stubs for good.
 *
 * @example
 * const { root, namespace, patch } = particleVersions(10_000);
 */
export function particleVersions(n: number) {
  class Particle implements BenchParticle {
    static readonly fields = ['x', 'y', 'vx', 'vy', 'weight'] as const;
    x: number;
    y = 0;
    vx = 0.1;
    vy = -0.05;
    weight = 1;
    constructor(index: number) {
      this.x = index * 1e-3;
    }
    step(dt: number): void {
      this.x += this.vx * dt;
      this.y += this.vy * dt;
      this.weight *= 0.9999;
    }
  }
  class ParticleV2 implements BenchParticle {
    static readonly fields = ['x', 'y', 'vx', 'vy', 'likelihood', 'age'] as const;
    x = 0;
    y = 0;
    vx = 0.1;
    vy = -0.05;
    likelihood = 1;
    age = 0;
    step(dt: number): void {
      this.x += this.vx * dt;
      this.y += this.vy * dt;
      this.likelihood *= 0.9999;
    }
  }
  class Filter implements BenchFilter {
    static readonly fields = ['particles', 'cursor'] as const;
    readonly particles: BenchParticle[] = Array.from({ length: n }, (_, index) => new Particle(index));
    cursor = 0;
  }
  const patch: PatchStep = { from: '1', to: '2', classes: { Particle: { kind: 'replace', code: ParticleV2, rename: { weight: 'likelihood' }, add: { age: { value: 0 } } } } };
  return { root: { filter: new Filter() }, namespace: Namespace.of('1', { Particle, Filter }), patch };
}

/**
 * One tick of the filter: moves the next `MOVES_PER_TICK` particles (all of
 * them when there are fewer), so every particle changes within N / 2000
 * ticks. Compiled anew for each run so that every run's
 * objects get their own call site (a shared loop would turn polymorphic
 * across runs and measure the mix).
 *
 * @example
 * const step = compileFilterStep();
 * step(root.filter, 0.001);
 */
export function compileFilterStep(): (filter: BenchFilter, dt: number) => void {
  const body = `const p = filter.particles; const n = p.length; let c = filter.cursor;
    for (let k = 0; k < n && k < ${MOVES_PER_TICK}; k++) { p[c].step(dt); c = c + 1 === n ? 0 : c + 1; }
    filter.cursor = c;`;
  return new Function('filter', 'dt', body) as (filter: BenchFilter, dt: number) => void;
}
