import { describe, expect, it } from '@jest/globals';
import { Batcher } from './batcher.js';

/** A `run` that records each set it is given and answers when `release` is called. */
function recorder() {
  const sets: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (requests: readonly number[]) =>
    new Promise<(string | Error)[]>((resolve) => {
      sets.push([...requests]);
      pending.push(() => resolve(requests.map((r) => (r < 0 ? new Error(`bad ${r}`) : `done ${r}`))));
    });
  const release = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { sets, run, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Batcher', () => {
  it('sends a lone request at once, alone', async () => {
    const { sets, run, release } = recorder();
    const batcher = new Batcher(run, 100, 1);
    const answer = batcher.add(1);
    await tick();
    expect(sets).toEqual([[1]]);
    await release();
    await expect(answer).resolves.toBe('done 1');
  });

  it('gathers the requests that arrive while a set runs into the next set', async () => {
    const { sets, run, release } = recorder();
    const batcher = new Batcher(run, 100, 1);
    const answers = [batcher.add(1)];
    await tick();
    for (let i = 2; i <= 6; i++) {
      answers.push(batcher.add(i));
      await tick();
    }
    expect(sets).toEqual([[1]]);
    await release();
    expect(sets).toEqual([[1], [2, 3, 4, 5, 6]]);
    await release();
    await expect(Promise.all(answers)).resolves.toEqual([1, 2, 3, 4, 5, 6].map((i) => `done ${i}`));
  });

  it('runs at most `parallel` sets at once and never more than `maxSize` in one', async () => {
    const { sets, run, release } = recorder();
    const batcher = new Batcher(run, 3, 2);
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => batcher.add(i));
    await tick();
    expect(sets).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await release();
    expect(sets).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8],
    ]);
    await release();
    await release();
    await expect(Promise.all(answers)).resolves.toHaveLength(8);
  });

  it('fails only the requests that `run` answers with an error', async () => {
    const { run, release } = recorder();
    const batcher = new Batcher(run, 100, 1);
    const good = batcher.add(1);
    const bad = expect(batcher.add(-1)).rejects.toThrow('bad -1');
    await tick();
    await release();
    await expect(good).resolves.toBe('done 1');
    await bad;
  });
});
