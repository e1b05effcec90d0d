// `npm start` with a real store: the BigCommerce store and the Brevo account to use instead of the
// emulators, from environment variables or a config file (tajo.config.json, or the file TAJO_CONFIG
// names). Each service is independent: given, its emulator is not started and its credential uses
// these settings; absent, the sandbox stands in as before. Validated with zod; every error names
// the field, and the environment variable that sets it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const httpUrl = z
	.string()
	.url('must be a URL such as https://api.example.com')
	.refine((url) => /^https?:\/\//.test(url), 'must start with http:// or https://')
	.transform((url) => url.replace(/\/+$/, ''));

const bigcommerceSchema = z
	.object({
		storeHash: z.string().regex(/^[a-z0-9]+$/i, 'must be the store hash from the API path, e.g. abc123 (letters and digits)'),
		accessToken: z.string().min(1, 'must not be empty'),
		apiUrl: httpUrl.default('https://api.bigcommerce.com'),
		storefrontUrl: httpUrl.optional(),
	})
	.strict();

const brevoSchema = z
	.object({
		apiKey: z.string().min(1, 'must not be empty'),
		apiUrl: httpUrl.default('https://api.brevo.com/v3'),
		reportTemplateId: z.number().int().positive('must be a Brevo template ID (a positive whole number)').optional(),
		ownerEmail: z.string().email('must be an email address').optional(),
	})
	.strict();

const n8nSchema = z
	.object({
		port: z.number().int().min(1).max(65_535).default(5678),
		webhookUrl: httpUrl.optional(),
	})
	.strict();

const settingsSchema = z
	.object({
		bigcommerce: bigcommerceSchema.optional(),
		brevo: brevoSchema.optional(),
		n8n: n8nSchema.default({}),
	})
	.strict();

export type DemoSettings = z.infer<typeof settingsSchema>;
export type BigCommerceSettings = NonNullable<DemoSettings['bigcommerce']>;
export type BrevoSettings = NonNullable<DemoSettings['brevo']>;

/** Every setting an environment variable can give, and how its text becomes a value. */
export const ENVIRONMENT_VARIABLES: ReadonlyArray<{ name: string; field: [string, string]; kind: 'text' | 'number' }> = [
	{ name: 'TAJO_BIGCOMMERCE_STORE_HASH', field: ['bigcommerce', 'storeHash'], kind: 'text' },
	{ name: 'TAJO_BIGCOMMERCE_ACCESS_TOKEN', field: ['bigcommerce', 'accessToken'], kind: 'text' },
	{ name: 'TAJO_BIGCOMMERCE_API_URL', field: ['bigcommerce', 'apiUrl'], kind: 'text' },
	{ name: 'TAJO_BIGCOMMERCE_STOREFRONT_URL', field: ['bigcommerce', 'storefrontUrl'], kind: 'text' },
	{ name: 'TAJO_BREVO_API_KEY', field: ['brevo', 'apiKey'], kind: 'text' },
	{ name: 'TAJO_BREVO_API_URL', field: ['brevo', 'apiUrl'], kind: 'text' },
	{ name: 'TAJO_BREVO_REPORT_TEMPLATE_ID', field: ['brevo', 'reportTemplateId'], kind: 'number' },
	{ name: 'TAJO_OWNER_EMAIL', field: ['brevo', 'ownerEmail'], kind: 'text' },
	{ name: 'TAJO_DEMO_PORT', field: ['n8n', 'port'], kind: 'number' },
	{ name: 'TAJO_WEBHOOK_URL', field: ['n8n', 'webhookUrl'], kind: 'text' },
];

export const DEFAULT_CONFIG_FILE = 'tajo.config.json';

export class DemoSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DemoSettingsError';
	}
}

/**
 * The settings from a config file's JSON (or undefined when there is none) and the environment,
 * which wins field by field. `source` names the file in error messages.
 */
export function parseDemoSettings(fileJson: unknown, env: Record<string, string | undefined>, source = DEFAULT_CONFIG_FILE): DemoSettings {
	if (fileJson !== undefined && (typeof fileJson !== 'object' || fileJson === null || Array.isArray(fileJson))) {
		throw new DemoSettingsError(`${source} must hold a JSON object such as {"bigcommerce": {...}, "brevo": {...}}`);
	}
	const merged = structuredClone((fileJson ?? {}) as Record<string, Record<string, unknown>>);
	const problems: string[] = [];
	for (const variable of ENVIRONMENT_VARIABLES) {
		const text = env[variable.name];
		if (text === undefined || text.trim() === '') continue;
		const [section, field] = variable.field;
		let value: unknown = text.trim();
		if (variable.kind === 'number') {
			value = Number(text);
			if (!Number.isInteger(value)) problems.push(`${variable.name} (${section}.${field}): must be a whole number, not "${text}"`);
		}
		const target = merged[section];
		merged[section] = { ...(typeof target === 'object' && target !== null ? target : {}), [field]: value };
	}
	if (problems.length) throw new DemoSettingsError(`The settings are not valid:\n- ${problems.join('\n- ')}`);
	const parsed = settingsSchema.safeParse(merged);
	if (!parsed.success) {
		// One line per field: its first problem is the one to fix.
		const firstPerField = parsed.error.issues.filter((issue, i, all) => all.findIndex((other) => other.path.join('.') === issue.path.join('.')) === i);
		const lines = firstPerField.map((issue) => `${describeField(issue.path, source)}: ${issueText(issue)}`);
		throw new DemoSettingsError(`The settings are not valid:\n- ${lines.join('\n- ')}`);
	}
	return parsed.data;
}

function issueText(issue: z.ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is missing';
	if (issue.code === 'unrecognized_keys') return `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	if (issue.code === 'invalid_type') return `must be a ${issue.expected}, not a ${issue.received}`;
	return issue.message;
}

/** `bigcommerce.accessToken (TAJO_BIGCOMMERCE_ACCESS_TOKEN or tajo.config.json)`. */
function describeField(issuePath: Array<string | number>, source: string): string {
	const name = issuePath.join('.') || source;
	const variable = ENVIRONMENT_VARIABLES.find((v) => v.field.join('.') === name);
	return variable ? `${name} (${variable.name} or ${source})` : `${name} (${source})`;
}

/**
 * Reads the settings of `npm start`: the file TAJO_CONFIG names (it must exist), else
 * tajo.config.json in `cwd` when there is one, then the environment.
 */
export function loadDemoSettings(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): DemoSettings {
	const named = env.TAJO_CONFIG?.trim();
	const file = named ? path.resolve(cwd, named) : path.join(cwd, DEFAULT_CONFIG_FILE);
	const source = named ? named : DEFAULT_CONFIG_FILE;
	let json: unknown = undefined;
	if (existsSync(file)) {
		try {
			json = JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			throw new DemoSettingsError(`${source} is not valid JSON: ${(error as Error).message}`);
		}
	} else if (named) {
		throw new DemoSettingsError(`TAJO_CONFIG names ${file}, which does not exist`);
	}
	return parseDemoSettings(json, env, source);
}
