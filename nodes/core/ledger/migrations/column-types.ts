import type { Dialect } from '../sql/dialect';

/** Column types per engine, so that each migration's DDL is written once. */
export interface ColumnTypes {
	/** For the few statements that only one engine needs (e.g. a table rebuild only SQLite needs). */
	engine: Dialect['name'];
	/** Auto-numbered primary key: history pages and "newest first" follow it. */
	id: string;
	bigint: string;
	/** UTC instant. SQLite keeps ISO-8601 text (`toISOString()`), which sorts as time does. */
	timestamp: string;
	json: string;
}

export function columnTypes(dialect: Dialect): ColumnTypes {
	return dialect.name === 'postgres'
		? { engine: 'postgres', id: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT', timestamp: 'TIMESTAMPTZ', json: 'JSONB' }
		: { engine: 'sqlite', id: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER', timestamp: 'TEXT', json: 'TEXT' };
}
