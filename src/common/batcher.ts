import DataLoader from 'dataloader';

/**
 * Gathers single requests into sets for `run`, at most `parallel` sets at a time: a request that arrives
 * while no set is running goes at once (alone, when the system is idle), and requests that arrive while
 * sets are running wait and go together in the next one, up to `maxSize`. So sets grow with the load.
 * `run` answers each request in order, with its result or the Error that request alone ends with.
 */
export class Batcher<Request, Result> {
  private running = 0;
  private scheduled = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader: DataLoader<Request, Result>;

  constructor(run: (requests: readonly Request[]) => Promise<(Result | Error)[]>, maxSize: number, parallel: number) {
    this.loader = new DataLoader<Request, Result>(
      async (requests) => {
        this.running++;
        try {
          return await run(requests);
        } finally {
          this.running--;
          this.waiting.shift()?.();
        }
      },
      {
        cache: false,
        maxBatchSize: maxSize,
        batchScheduleFn: (dispatch) => {
          if (this.running + this.scheduled < parallel) {
            this.scheduled++;
            setImmediate(() => {
              this.scheduled--;
              dispatch();
            });
          } else this.waiting.push(dispatch);
        },
      },
    );
  }

  add(request: Request): Promise<Result> {
    return this.loader.load(request);
  }
}
