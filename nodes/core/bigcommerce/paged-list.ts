/**
 * A collection read page by page: iterate it (`for await`), walk its pages, or `getAll(limit)`,
 * which asks for no more than it needs — with a limit of 10 it requests pages of 10 and stops.
 */
export type PageWalker<T> = (pageSize: number) => AsyncGenerator<T[], void, undefined>;

export class PagedList<T> implements AsyncIterable<T> {
	constructor(
		private readonly walk: PageWalker<T>,
		private readonly pageSize: number,
	) {}

	pages(): AsyncGenerator<T[], void, undefined> {
		return this.walk(this.pageSize);
	}

	async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
		for await (const page of this.pages()) yield* page;
	}

	/** Every item, or the first `limit` items (then no further page is requested). */
	async getAll(limit?: number): Promise<T[]> {
		if (limit !== undefined && !(limit > 0)) return [];
		const pageSize = limit === undefined ? this.pageSize : Math.min(this.pageSize, Math.ceil(limit));
		const items: T[] = [];
		for await (const page of this.walk(pageSize)) {
			for (const item of page) {
				items.push(item);
				if (limit !== undefined && items.length >= limit) return items;
			}
		}
		return items;
	}
}
