import type { DatabaseConfig } from './database-config';
import { resolveSqlitePath } from './database-config';

interface ErrorLike {
	code?: string;
	errcode?: number;
	message?: string;
}

/** Turns driver errors into a sentence that says what to change in the credential. */
export function explainDatabaseError(error: unknown, config: DatabaseConfig): Error {
	const e = (error ?? {}) as ErrorLike;
	const detail = e.message ?? String(error);
	const explained = config.type === 'sqlite' ? explainSqlite(e, config.sqlitePath) : explainPostgres(e, config);
	const result = new Error(explained ? `${explained} (${detail})` : `Could not use the loyalty database: ${detail}`);
	result.cause = error;
	return result;
}

function explainSqlite(e: ErrorLike, path: string): string | undefined {
	const file = resolveSqlitePath(path);
	const text = `${e.code ?? ''} ${e.message ?? ''}`;
	if (/EACCES|EPERM|EEXIST|ENOTDIR|EISDIR|EROFS|readonly|unable to open|cannot open/i.test(text)) {
		return `n8n cannot create or write the database file ${file}. Choose a Database File in a folder the n8n server may write to, or leave the default.`;
	}
	if (/not a database|malformed|SQLITE_NOTADB|SQLITE_CORRUPT/i.test(text)) {
		return `${file} exists but is not a SQLite database. Choose another Database File name.`;
	}
	return undefined;
}

function explainPostgres(e: ErrorLike, config: Extract<DatabaseConfig, { type: 'postgres' }>): string | undefined {
	const where = `${config.host}:${config.port}`;
	switch (e.code) {
		case 'ECONNREFUSED':
			return `Nothing accepts connections at ${where}. Check Host and Port, and that PostgreSQL is running.`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `The host "${config.host}" cannot be found. Check the Host.`;
		case 'ETIMEDOUT':
			return `The database at ${where} did not answer in time. Check Host, Port and any firewall between n8n and the database.`;
		case '28P01':
		case '28000':
			return `PostgreSQL rejected user "${config.user}" with this password. Check User and Password.`;
		case '3D000':
			return `The database "${config.database}" does not exist on ${where}. Create it first or fix the Database name.`;
		case '42501':
			return `User "${config.user}" may not create tables in "${config.database}". Grant it CREATE on the database (needed once, for the first use).`;
		default:
			break;
	}
	if (/SSL|self[- ]signed|certificate/i.test(e.message ?? '')) {
		return `The SSL setting does not match the server. Try SSL "Disable" for a local server, or "Require (Allow Self-Signed Certificate)".`;
	}
	return undefined;
}
