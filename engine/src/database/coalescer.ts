/**
 * Serves the single-item requests made during one turn of the event loop with one batch call per
 * group (the DataLoader pattern). A request waits at most until the end of the current turn, so a
 * lone request costs no delay; under load, the items that arrived together share one statement
 * (docs/performance.md). Event requests that arrive together meet here for their instance reads,
 * and the jobs of a claimed batch (started in one turn) for their lookups and inserts.
 *
 * `group` separates requests that cannot share a statement — the tenant, under row-level security:
 * the batch function runs each group's items itself (as that tenant). It must return one value per
 * item, in the items' order; if it throws, every request of the batch is rejected with that error.
 *
 * `maxInFlight` bounds the batches of one group running at once (group commit): requests made
 * while that many are out wait for the first to come back and then go together. A quiet system
 * never waits; a busy one sends fewer, larger statements — the rate of round trips stays what
 * the database answers, and what each costs is shared by more requests.
 */
interface Waiter<Value> {
  resolve: (value: Value) => void;
  reject: (error: unknown) => void;
}

export class Coalescer<Item, Value> {
  private readonly waiting = new Map<string, { items: Item[]; settle: Waiter<Value>[] }>();
  private readonly inFlight = new Map<string, number>();
  private scheduled = false;

  constructor(
    private readonly batch: (group: string, items: Item[]) => Promise<Value[]>,
    private readonly maxInFlight = Number.POSITIVE_INFINITY,
  ) {}

  load(group: string, item: Item): Promise<Value> {
    return new Promise<Value>((resolve, reject) => {
      const entry = this.waiting.get(group) ?? { items: [], settle: [] };
      entry.items.push(item);
      entry.settle.push({ resolve, reject });
      this.waiting.set(group, entry);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    for (const group of [...this.waiting.keys()]) this.start(group);
  }

  /** Sends the group's waiting requests as one batch, unless it has as many out as it may. */
  private start(group: string): void {
    const entry = this.waiting.get(group);
    const running = this.inFlight.get(group) ?? 0;
    if (entry === undefined || running >= this.maxInFlight) return;
    this.waiting.delete(group);
    this.inFlight.set(group, running + 1);
    void this.run(group, entry.items, entry.settle).finally(() => {
      const left = (this.inFlight.get(group) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(group);
      else this.inFlight.set(group, left);
      this.start(group);
    });
  }

  private async run(group: string, items: Item[], settle: Waiter<Value>[]): Promise<void> {
    let values: Value[];
    try {
      values = await this.batch(group, items);
      if (values.length !== items.length) throw new Error(`A batch of ${items.length} items returned ${values.length} values.`);
    } catch (error) {
      for (const waiter of settle) waiter.reject(error);
      return;
    }
    settle.forEach((waiter, index) => waiter.resolve(values[index] as Value));
  }
}
