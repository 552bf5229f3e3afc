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
 */
interface Waiter<Value> {
  resolve: (value: Value) => void;
  reject: (error: unknown) => void;
}

export class Coalescer<Item, Value> {
  private readonly waiting = new Map<string, { items: Item[]; settle: Waiter<Value>[] }>();
  private scheduled = false;

  constructor(private readonly batch: (group: string, items: Item[]) => Promise<Value[]>) {}

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
    const groups = [...this.waiting];
    this.waiting.clear();
    for (const [group, { items, settle }] of groups) void this.run(group, items, settle);
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
