import type { GateVerdict } from './gate-verdict';
import type { TrajectoryData } from './trajectory';
import { verdictLine } from './verdict-line';

const PLOT = 520;
const MARGIN = { left: 60, right: 20, top: 86, bottom: 50 };
/** Characters of the verdict per line under the title. */
const LINE = 92;
const COLOURS = { shadow: '#4477aa', candidate: '#ee6677', square: '#bbbbbb', failure: '#cc0000' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (n: number) => Number(n.toFixed(2));

/** `text` in at most two lines of about {@link LINE} characters, cut at spaces; the rest is elided. */
function wrapped(text: string): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < 2) {
    const cut = rest.length <= LINE ? rest.length : rest.lastIndexOf(' ', LINE) > 0 ? rest.lastIndexOf(' ', LINE) : LINE;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) lines[1] = `${lines[1]} …`;
  return lines;
}

/** A step of 1, 2 or 5 × 10^n that cuts `range` into about five. */
function niceStep(range: number): number {
  const rough = range / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

/** Metres to pixels, the same scale on both axes (a square looks square), y up. */
interface Frame {
  readonly x: (m: number) => number;
  readonly y: (m: number) => number;
  readonly box: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
}

function frameOf(runs: readonly TrajectoryData[], side: number | undefined): Frame {
  const xs = [...runs.flatMap((r) => r.x), ...(side === undefined ? [] : [0, side])];
  const ys = [...runs.flatMap((r) => r.y), ...(side === undefined ? [] : [0, side])];
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 0.1) * 1.1;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const box = { x0: cx - span / 2, x1: cx + span / 2, y0: cy - span / 2, y1: cy + span / 2 };
  return { box, x: (m) => num(MARGIN.left + ((m - box.x0) / span) * PLOT), y: (m) => num(MARGIN.top + ((box.y1 - m) / span) * PLOT) };
}

function axes(frame: Frame): string[] {
  const { box } = frame;
  const step = niceStep(box.x1 - box.x0);
  const marks: string[] = [`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT}" height="${PLOT}" fill="none" stroke="#333"/>`];
  for (let v = Math.ceil(box.x0 / step) * step; v <= box.x1; v += step) {
    marks.push(`<text x="${frame.x(v)}" y="${MARGIN.top + PLOT + 18}" text-anchor="middle">${num(v)}</text>`);
  }
  for (let v = Math.ceil(box.y0 / step) * step; v <= box.y1; v += step) {
    marks.push(`<text x="${MARGIN.left - 8}" y="${frame.y(v) + 4}" text-anchor="end">${num(v)}</text>`);
  }
  marks.push(`<text x="${MARGIN.left + PLOT / 2}" y="${MARGIN.top + PLOT + 40}" text-anchor="middle">x (m)</text>`);
  marks.push(`<text transform="translate(16 ${MARGIN.top + PLOT / 2}) rotate(-90)" text-anchor="middle">y (m)</text>`);
  return marks;
}

const path = (run: TrajectoryData, frame: Frame) => run.x.map((x, i) => `${i === 0 ? 'M' : 'L'}${frame.x(x)} ${frame.y(run.y[i] as number)}`).join(' ');

function failureMark(verdict: GateVerdict, run: TrajectoryData, frame: Frame): string[] {
  const atS = verdict.failure?.atS;
  if (atS === undefined || run.t.length === 0) return [];
  const at = run.t.reduce((best, t, i) => (Math.abs(t - atS) < Math.abs((run.t[best] as number) - atS) ? i : best), 0);
  const [x, y] = [frame.x(run.x[at] as number), frame.y(run.y[at] as number)];
  return [`<path d="M${x - 6} ${y - 6} L${x + 6} ${y + 6} M${x - 6} ${y + 6} L${x + 6} ${y - 6}" stroke="${COLOURS.failure}" stroke-width="3"/>`];
}

/**
 * The simulated trajectories of a gate as an SVG document: the running
 * version's (shadow) and the candidate's pose in the odometry's frame, the
 * square the mission drives, where both started and where the first
 * failure happened, under the verdict in words. Written by hand: no
 * plotting package.
 *
 * @example
 * writeFileSync('gate.svg', trajectorySvg(verdict, 'pid-integral-limit'));
 */
export function trajectorySvg(verdict: GateVerdict, title: string): string {
  const width = MARGIN.left + PLOT + MARGIN.right;
  const height = MARGIN.top + PLOT + MARGIN.bottom;
  const runs = verdict.trajectories;
  const body: string[] = [];
  if (runs === undefined || runs.candidate.x.length + runs.shadow.x.length === 0) {
    body.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">nothing was simulated</text>`);
  } else {
    const side = verdict.simulation?.squareSideM;
    const frame = frameOf([runs.shadow, runs.candidate].filter((r) => r.x.length > 0), side);
    body.push(...axes(frame));
    if (side !== undefined) {
      body.push(`<rect x="${frame.x(0)}" y="${frame.y(side)}" width="${num(frame.x(side) - frame.x(0))}" height="${num(frame.y(0) - frame.y(side))}" fill="none" stroke="${COLOURS.square}" stroke-dasharray="6 4"/>`);
    }
    // The candidate under the shadow: where they coincide, the dashes of the running version show on the candidate's line.
    for (const [name, run, style] of [['candidate', runs.candidate, 'stroke-width="3"'], ['shadow', runs.shadow, 'stroke-width="2" stroke-dasharray="8 4"']] as const) {
      if (run.x.length > 0) body.push(`<path d="${path(run, frame)}" fill="none" stroke="${COLOURS[name]}" ${style}/>`);
    }
    const start = runs.candidate.x.length > 0 ? runs.candidate : runs.shadow;
    body.push(`<circle cx="${frame.x(start.x[0] as number)}" cy="${frame.y(start.y[0] as number)}" r="5" fill="#333"/>`);
    body.push(...failureMark(verdict, runs.candidate, frame));
  }
  const legend = [
    ['running version (shadow)', COLOURS.shadow],
    ['candidate', COLOURS.candidate],
    ['square driven', COLOURS.square],
  ].map(([label, colour], i) => `<text x="${MARGIN.left + i * 190}" y="${MARGIN.top - 12}" fill="${colour}">■ ${label}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    ...wrapped(verdictLine(verdict)).map((line, i) => `<text x="${MARGIN.left}" y="${38 + 15 * i}">${escape(line)}</text>`),
    ...legend,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
