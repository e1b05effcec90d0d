import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';

/** The Tajo Loyalty Database credential, validated at the boundary. */
export const databaseConfigSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('sqlite'),
		sqlitePath: z.string().trim().min(1, 'Database File is empty: give a file name such as tajo-loyalty.sqlite'),
	}),
	z.object({
		type: z.literal('postgres'),
		host: z.string().trim().min(1, 'Host is empty'),
		port: z.coerce.number().int().min(1).max(65535),
		database: z.string().trim().min(1, 'Database is empty'),
		user: z.string().trim().min(1, 'User is empty'),
		password: z.string().default(''),
		ssl: z.enum(['disable', 'require', 'allow-unauthorized']).default('disable'),
	}),
]);

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

/** n8n keeps its data in `<N8N_USER_FOLDER or home>/.n8n`; relative SQLite paths land there. */
export function n8nDataFolder(env: NodeJS.ProcessEnv = process.env): string {
	return join(env.N8N_USER_FOLDER || homedir(), '.n8n');
}

export function resolveSqlitePath(path: string, env: NodeJS.ProcessEnv = process.env): string {
	return isAbsolute(path) ? path : join(n8nDataFolder(env), path);
}

/** Parses raw credential data; the error names the field to fix. */
export function parseDatabaseConfig(raw: unknown): DatabaseConfig {
	const result = databaseConfigSchema.safeParse(raw);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const field = issue.path.join('.') || 'type';
	throw new Error(`Tajo Loyalty Database credential: ${field}: ${issue.message}`);
}
