import { numberPlaceholders } from '../../../../nodes/core/ledger/sql/dialect';
import { isRetryable } from '../../../../nodes/core/ledger/sql/postgres-driver';
import { driveAsync, driveSync } from '../../../../nodes/core/ledger/sql/sql-driver';
import { isBusy } from '../../../../nodes/core/ledger/sql/sqlite-driver';
import { row, rows, run, type Op } from '../../../../nodes/core/ledger/sql/statement';

describe('SQL plumbing', () => {
	it('renumbers placeholders for PostgreSQL, leaving quoted text alone', () => {
		expect(numberPlaceholders("SELECT ? AS a, '?' AS q, x FROM t WHERE y = ? AND z IN (?, ?)")).toBe(
			"SELECT $1 AS a, '?' AS q, x FROM t WHERE y = $2 AND z IN ($3, $4)",
		);
	});

	function* sample(): Op<string> {
		const all = yield* rows<{ n: number }>('SELECT n FROM t WHERE a = ?', [1]);
		const first = yield* row<{ n: number }>('SELECT n FROM t LIMIT 1');
		const changed = yield* run('UPDATE t SET n = ?', [2]);
		return `${all.length}:${first?.n}:${changed}`;
	}

	it('drives an operation synchronously and asynchronously with the same results', async () => {
		const seen: string[] = [];
		const execute = (sql: string, _params: readonly unknown[], mode: 'rows' | 'run') => {
			seen.push(`${mode} ${sql}`);
			return mode === 'rows' ? [{ n: 7 }, { n: 8 }] : 3;
		};
		expect(driveSync(sample(), execute)).toBe('2:7:3');
		expect(await driveAsync(sample(), async (...args) => execute(...args))).toBe('2:7:3');
		expect(seen).toHaveLength(6);
	});

	it('lets an error from the database surface through the operation', async () => {
		const fail = () => {
			throw new Error('boom');
		};
		expect(() => driveSync(sample(), fail)).toThrow('boom');
		await expect(driveAsync(sample(), async () => fail())).rejects.toThrow('boom');
	});

	it('knows which errors a retry can cure', () => {
		for (const code of ['40001', '40P01', '23505']) expect(isRetryable({ code })).toBe(true);
		for (const code of ['23503', '42P01', undefined]) expect(isRetryable({ code })).toBe(false);
		expect(isBusy({ errcode: 5 })).toBe(true);
		expect(isBusy({ errcode: 517 })).toBe(true); // SQLITE_BUSY_SNAPSHOT
		expect(isBusy({ errcode: 6 })).toBe(true);
		expect(isBusy({ errcode: 2067 })).toBe(false); // SQLITE_CONSTRAINT_UNIQUE
		expect(isBusy(new Error('x'))).toBe(false);
	});
});
