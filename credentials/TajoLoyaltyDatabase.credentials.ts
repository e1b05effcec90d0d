import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where the Tajo loyalty ledger lives. SQLite (a file next to n8n's own data) suits a single n8n;
 * PostgreSQL is needed when several n8n processes share the ledger (queue mode).
 * Tested by the Tajo Loyalty node's `tajoLoyaltyDatabaseTest` (connects and prepares the schema).
 */
export class TajoLoyaltyDatabase implements ICredentialType {
	name = 'tajoLoyaltyDatabase';

	displayName = 'Tajo Loyalty Database';

	icon = 'file:tajo.svg' as const;

	documentationUrl = 'https://github.com/tajo/n8n-nodes-tajo-bigcommerce#tajo-loyalty-database';

	properties: INodeProperties[] = [
		{
			displayName: 'Database Type',
			name: 'type',
			type: 'options',
			options: [
				{
					name: 'SQLite (Single n8n Instance)',
					value: 'sqlite',
					description: 'A file on the n8n server. Nothing to install.',
				},
				{
					name: 'PostgreSQL (Queue Mode, Several Instances)',
					value: 'postgres',
					description: 'A PostgreSQL database shared by every n8n process',
				},
			],
			default: 'sqlite',
			description:
				'SQLite needs no setup. Choose PostgreSQL if n8n runs in queue mode or on several servers: they must all see the same ledger.',
		},
		{
			displayName: 'Database File',
			name: 'sqlitePath',
			type: 'string',
			default: 'tajo-loyalty.sqlite',
			displayOptions: { show: { type: ['sqlite'] } },
			description:
				'Path of the SQLite file. A relative path is placed inside the n8n user folder (~/.n8n by default), so it is backed up with n8n. The file is created on first use.',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: { show: { type: ['postgres'] } },
			description: 'Host name or IP address of the PostgreSQL server',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { type: ['postgres'] } },
			description: 'Port of the PostgreSQL server',
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'tajo_loyalty',
			displayOptions: { show: { type: ['postgres'] } },
			description: 'Name of an existing database. The loyalty tables are created in it on first use.',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { type: ['postgres'] } },
			description: 'A user allowed to create tables in the database (needed once, for the first use)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'options',
			options: [
				{ name: 'Disable', value: 'disable', description: 'Plain connection (local servers)' },
				{ name: 'Require', value: 'require', description: 'Encrypted, certificate checked' },
				{
					name: 'Require (Allow Self-Signed Certificate)',
					value: 'allow-unauthorized',
					description: 'Encrypted, certificate not checked',
				},
			],
			default: 'disable',
			displayOptions: { show: { type: ['postgres'] } },
			description: 'Whether to encrypt the connection. Managed cloud databases usually need "Require".',
		},
	];
}
