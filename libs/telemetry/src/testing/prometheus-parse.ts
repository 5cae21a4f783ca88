/** One sample of a parsed exposition. */
export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** A parsed metric family: its HELP, TYPE and samples in order. */
export interface Family {
  readonly help: string;
  readonly type: string;
  readonly samples: Sample[];
}

const METRIC = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const VALUE = '(?:[+-]?Inf|NaN|[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)';
const LABEL_PAIR = `${LABEL}="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(`^(${METRIC})(?:\\{((?:${LABEL_PAIR})(?:,${LABEL_PAIR})*)?\\})? (${VALUE})(?: -?\\d+)?$`);
const COMMENT = new RegExp(`^# (HELP|TYPE) (${METRIC}) (.*)$`);
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, readonly string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

const parseValue = (text: string): number => (text.endsWith('Inf') ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text));
const unescape = (text: string): string => text.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));

/**
 * Parses Prometheus text exposition format 0.0.4, strictly: every line must
 * match the grammar (comments other than HELP and TYPE are ignored, as the
 * format says), every family must have HELP and TYPE before its samples,
 * and every sample must belong to the family declared last.
 * Throws naming the line that breaks a rule.
 *
 * @example
 * parseExposition(await (await fetch(`${url}/metrics`)).text()).get('tickswap_ticks_total')?.samples[0]?.value;
 */
export function parseExposition(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  let current: string | undefined;
  const helps = new Map<string, string>();
  text.slice(0, -1).split('\n').forEach((line, number) => {
    const fail = (why: string): never => {
      throw new Error(`line ${number + 1} '${line}': ${why}`);
    };
    const comment = COMMENT.exec(line);
    // Any other comment is ignored, as the format says.
    if (comment === null && line.startsWith('#')) return;
    if (comment !== null) {
      const [, kind, name, rest] = comment as unknown as [string, string, string, string];
      if (kind === 'HELP') return void helps.set(name, rest);
      if (!TYPES.has(rest)) fail(`unknown type ${rest}`);
      if (families.has(name)) fail('TYPE given twice');
      if (!helps.has(name)) fail('TYPE before HELP');
      families.set(name, { help: helps.get(name) as string, type: rest, samples: [] });
      current = name;
      return;
    }
    const sample = SAMPLE.exec(line) ?? fail('not a sample line');
    const [, name, labelText, value] = sample as unknown as [string, string, string | undefined, string];
    const family = current === undefined ? undefined : families.get(current);
    if (family === undefined || current === undefined) return fail('sample before any TYPE');
    if (!(SUFFIXES[family.type] ?? ['']).some((suffix) => name === current + suffix)) fail(`sample of another family than ${current}`);
    const labels: Record<string, string> = {};
    for (const pair of (labelText ?? '').match(new RegExp(LABEL_PAIR, 'g')) ?? []) {
      const at = pair.indexOf('=');
      labels[pair.slice(0, at)] = unescape(pair.slice(at + 2, -1));
    }
    family.samples.push({ name, labels, value: parseValue(value) });
  });
  return families;
}
