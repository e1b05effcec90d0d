import { ledgerSchema } from './001-ledger';
import { cartSchema } from './002-carts';
import { lighterWritesSchema } from './003-lighter-writes';
import { oneTripWritesSchema } from './004-one-trip-writes';
import { sendLogSchema } from './005-send-log';
import { scheduledSendsSchema } from './006-scheduled-sends';
import type { ColumnTypes } from './column-types';

export interface Migration {
	/** Applied in order; a database records the versions it has in tajo_schema_migrations. */
	version: number;
	name: string;
	statements(types: ColumnTypes): string[];
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
	{ version: 1, name: 'ledger', statements: ledgerSchema },
	{ version: 2, name: 'carts', statements: cartSchema },
	{ version: 3, name: 'lighter writes', statements: lighterWritesSchema },
	{ version: 4, name: 'one-trip points writes', statements: oneTripWritesSchema },
	{ version: 5, name: 'send log', statements: sendLogSchema },
	{ version: 6, name: 'scheduled sends', statements: scheduledSendsSchema },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
