import { median, percentile, table } from './statistics';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of an unsorted sample', () => {
    const sample = [5, 1, 4, 2, 3];
    expect(median(sample)).toBe(3);
    expect(percentile(sample, 1)).toBe(5);
    expect(percentile(sample, 0)).toBe(1);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('renders a Markdown table', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
