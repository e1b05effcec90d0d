/** The few places where the two engines' SQL differs; everything else is written once. */
export interface Dialect {
	readonly name: 'sqlite' | 'postgres';
	/**
	 * Appended to a SELECT that must lock the rows it reads until commit. SQLite needs nothing:
	 * `BEGIN IMMEDIATE` already holds the database's single write lock.
	 */
	forUpdate(alias?: string): string;
}

export const sqliteDialect: Dialect = {
	name: 'sqlite',
	forUpdate: () => '',
};

export const postgresDialect: Dialect = {
	name: 'postgres',
	forUpdate: (alias) => (alias ? ` FOR UPDATE OF ${alias}` : ' FOR UPDATE'),
};

/** `?` → `$1, $2, …`, skipping quoted literals (no statement here uses `?` as an operator). */
export function numberPlaceholders(sql: string): string {
	let n = 0;
	let quoted = false;
	let out = '';
	for (const ch of sql) {
		if (ch === "'") quoted = !quoted;
		out += ch === '?' && !quoted ? `$${++n}` : ch;
	}
	return out;
}
