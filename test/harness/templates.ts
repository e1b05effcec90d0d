// Helpers for the workflow templates in workflows/ (issue 6): load a template, change its Config
// node, bind credentials, check the template conventions (workflows/README.md), run a trigger the
// way the editor's "Execute workflow" does, and import a file with `n8n import:workflow`.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBigCommerceSandbox, type BigCommerceSandbox, type BigCommerceSandboxOptions } from '../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox, type BrevoSandboxOptions } from '../../sandbox/brevo';
import { run } from './exec';
import { FINISHED_STATUSES, type Execution, type N8nApi, type StoredWorkflow, type WorkflowJson } from './n8n-api';
import { n8nEnvironment, startN8n, type N8nInstance, type StartN8nOptions } from './n8n-instance';
import { freePorts } from './ports';
import { node24Env, REPO_ROOT, type Toolchain } from './toolchain';

export const TEMPLATES_DIR = path.join(REPO_ROOT, 'workflows');

/** The package's node types are `<package name>.<node>` (DESIGN §2). */
export const PACKAGE_NODE_PREFIX = 'n8n-nodes-tajo-bigcommerce.';

/** Name of the Edit Fields (Set) node at the top of every template. */
export const CONFIG_NODE = 'Config';

/**
 * The credential names templates refer to, by credential type. n8n binds a reference
 * `{id: null, name}` to the one credential of that type and name in the project when a workflow is
 * imported (editor, public API, `n8n import:workflow`); `npm start` creates credentials with these names.
 */
export const TEMPLATE_CREDENTIAL_NAMES = {
	bigCommerceApi: 'BigCommerce',
	brevoApi: 'Brevo',
	tajoLoyaltyDatabase: 'Tajo Loyalty',
} as const;

export type TemplateCredentialType = keyof typeof TEMPLATE_CREDENTIAL_NAMES;

/**
 * typeVersions of n8n's own nodes in the templates: the version the editor of n8n 2.41.1 puts on
 * a new node (its `defaultVersion`, else the highest of `version`), so an imported template looks
 * exactly like one built by hand and shows no "outdated node" notice.
 */
export const N8N_NODE_VERSIONS: Readonly<Record<string, number>> = {
	'n8n-nodes-base.stickyNote': 1,
	'n8n-nodes-base.set': 3.5,
	'n8n-nodes-base.scheduleTrigger': 1.4,
	'n8n-nodes-base.manualTrigger': 1,
	'n8n-nodes-base.webhook': 2.1,
	'n8n-nodes-base.wait': 1.1,
	'n8n-nodes-base.if': 2.3,
	'n8n-nodes-base.filter': 2.3,
	'n8n-nodes-base.switch': 3.4,
	'n8n-nodes-base.merge': 3.2,
	'n8n-nodes-base.splitInBatches': 3,
	'n8n-nodes-base.splitOut': 1,
	'n8n-nodes-base.noOp': 1,
	'n8n-nodes-base.code': 2,
};

type NodeJson = WorkflowJson['nodes'][number];

interface Assignment {
	id: string;
	name: string;
	value: unknown;
	type: 'string' | 'number' | 'boolean' | 'array' | 'object';
}

/** The *.json files of workflows/, sorted. */
export function templateFiles(): string[] {
	return readdirSync(TEMPLATES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

/** A template as stored, e.g. `loadTemplate('product-catalog-sync.json')`. */
export function loadTemplate(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(TEMPLATES_DIR, file), 'utf8')) as WorkflowJson;
}

export function findNode(workflow: WorkflowJson, name: string): NodeJson {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node named "${name}"; it has ${workflow.nodes.map((n) => `"${n.name}"`).join(', ')}`);
	return node;
}

function configAssignments(workflow: WorkflowJson): Assignment[] {
	const node = findNode(workflow, CONFIG_NODE);
	if (node.type !== 'n8n-nodes-base.set') throw new Error(`the ${CONFIG_NODE} node of "${workflow.name}" is a ${node.type}, not an Edit Fields (Set) node`);
	const parameters = node.parameters as { assignments?: { assignments?: Assignment[] } };
	return parameters.assignments?.assignments ?? [];
}

/** The Config node's fields and values, e.g. `{storefrontUrl: '', brevoBatchSize: 100}`. */
export function configOf(workflow: WorkflowJson): Record<string, unknown> {
	return Object.fromEntries(configAssignments(workflow).map((a) => [a.name, a.value]));
}

/**
 * A copy of the workflow with some Config values changed — how tests shorten delays or point a
 * template at the emulators. Unknown field names throw (a typo must not silently test the
 * default), and values are stored as the field's type wants them (arrays and objects as JSON).
 */
export function withConfig(workflow: WorkflowJson, overrides: Record<string, unknown>): WorkflowJson {
	const copy = structuredClone(workflow);
	const assignments = configAssignments(copy);
	for (const [name, value] of Object.entries(overrides)) {
		const assignment = assignments.find((a) => a.name === name);
		if (!assignment) {
			throw new Error(`the ${CONFIG_NODE} node of "${workflow.name}" has no field "${name}"; it has ${assignments.map((a) => a.name).join(', ')}`);
		}
		assignment.value = configValue(assignment, value);
	}
	return copy;
}

function configValue(assignment: Assignment, value: unknown): unknown {
	const fail = () => new Error(`Config field "${assignment.name}" is a ${assignment.type}; ${JSON.stringify(value)} does not fit`);
	switch (assignment.type) {
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw fail();
			return value;
		case 'boolean':
			if (typeof value !== 'boolean') throw fail();
			return value;
		case 'string':
			if (typeof value !== 'string') throw fail();
			return value;
		case 'array':
			if (!Array.isArray(value)) throw fail();
			return JSON.stringify(value);
		case 'object':
			if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail();
			return JSON.stringify(value);
	}
}

const SECONDS_PER = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;

/**
 * A delay of `seconds` expressed in the unit a Config field is named after, for withConfig:
 * `withConfig(t, { reviewDelayDays: secondsAs(3, 'days') })` makes a 14-day Wait last 3 s (n8n's
 * Wait node multiplies the amount, fractions included). Waits under 65 s stay in memory; longer
 * ones are stored as "waiting" and resumed by n8n's 60 s poll (DESIGN §2).
 */
export function secondsAs(seconds: number, unit: keyof typeof SECONDS_PER): number {
	return seconds / SECONDS_PER[unit];
}

/**
 * A copy of the workflow with some parameters replaced (shallow) in every node `predicate` picks,
 * e.g. `(node, p) => node.type.endsWith('.tajoLoyalty') && p.operation === 'claim'`. Throws when it
 * picks none (a wrong predicate must not silently test the template as it is).
 */
export function withParametersWhere(
	workflow: WorkflowJson,
	predicate: (node: NodeJson, parameters: Record<string, unknown>) => boolean,
	parameters: Record<string, unknown>,
): WorkflowJson {
	const copy = structuredClone(workflow);
	const picked = copy.nodes.filter((node) => predicate(node, (node.parameters ?? {}) as Record<string, unknown>));
	if (!picked.length) throw new Error(`withParametersWhere: no node of "${workflow.name}" matches; it has ${workflow.nodes.map((n) => `"${n.name}"`).join(', ')}`);
	for (const node of picked) node.parameters = { ...(node.parameters as Record<string, unknown> | undefined), ...parameters };
	return copy;
}

/** A copy of the workflow with some parameters of one node replaced (shallow), e.g. a trigger's. */
export function withNodeParameters(workflow: WorkflowJson, nodeName: string, parameters: Record<string, unknown>): WorkflowJson {
	findNode(workflow, nodeName); // throws, naming the nodes there are
	return withParametersWhere(workflow, (node) => node.name === nodeName, parameters);
}

/**
 * A copy of the workflow whose credential references point at stored credentials, by type — what
 * a user does after importing when the names do not match. Every credential type the template
 * uses must be given (so a test cannot run a node against nothing by mistake).
 */
export function bindCredentials(workflow: WorkflowJson, byType: Partial<Record<string, { id: string; name: string }>>): WorkflowJson {
	const copy = structuredClone(workflow);
	const missing = new Set<string>();
	for (const node of copy.nodes) {
		const credentials = node.credentials as Record<string, unknown> | undefined;
		if (!credentials) continue;
		for (const type of Object.keys(credentials)) {
			const credential = byType[type];
			if (credential) credentials[type] = { id: credential.id, name: credential.name };
			else missing.add(type);
		}
	}
	if (missing.size) throw new Error(`bindCredentials: "${workflow.name}" needs credentials of type ${[...missing].join(', ')} too`);
	return copy;
}

/** Trigger nodes: their type name ends in "Trigger" (n8n's convention) or they are webhooks. */
export function isTrigger(node: NodeJson): boolean {
	return /trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.webhook';
}

/**
 * Nodes that receive HTTP calls and so need a fixed webhookId: webhook triggers, and Wait (n8n
 * gives it one for its resume URL; the editor adds it, a template must carry it).
 */
const WEBHOOK_NODES = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.wait', `${PACKAGE_NODE_PREFIX}bigCommerceTrigger`]);

/** Workflow ids of templates: 16 characters like n8n's own, the issue's template number at the end. */
const TEMPLATE_ID = /^tajoTemplate\d{4}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Everything in a template that breaks the conventions of workflows/README.md, as sentences; an
 * empty list means the template follows them. Static: needs no n8n.
 */
export function templateProblems(workflow: WorkflowJson): string[] {
	const problems: string[] = [];
	const names = new Set(workflow.nodes.map((n) => n.name));
	if (!workflow.name?.startsWith('Tajo: ')) problems.push(`the workflow name "${workflow.name}" does not start with "Tajo: "`);
	if ((workflow.settings as { executionOrder?: string } | undefined)?.executionOrder !== 'v1') problems.push('settings.executionOrder is not "v1"');
	// `n8n import:workflow --input=<file>` fails on a workflow without an id (SQLITE_CONSTRAINT:
	// NOT NULL constraint failed: workflow_entity.id); with a fixed id, importing again updates it.
	if (typeof workflow.id !== 'string' || !TEMPLATE_ID.test(workflow.id)) problems.push(`the workflow id ${JSON.stringify(workflow.id)} is not of the form tajoTemplateNNNN`);
	for (const key of ['active', 'versionId', 'pinData', 'meta', 'tags', 'staticData']) {
		if (key in workflow) problems.push(`the file has "${key}", which belongs to one n8n instance, not to a template`);
	}

	// Config: an Edit Fields node named Config, right after every trigger, fed by nothing else.
	const config = workflow.nodes.find((n) => n.name === CONFIG_NODE);
	if (!config) problems.push(`no node named "${CONFIG_NODE}"`);
	else if (config.type !== 'n8n-nodes-base.set') problems.push(`"${CONFIG_NODE}" is a ${config.type}, not n8n-nodes-base.set`);
	else {
		const parameters = config.parameters as { mode?: string; includeOtherFields?: boolean; assignments?: { assignments?: Assignment[] } };
		if (parameters.mode !== 'manual') problems.push(`"${CONFIG_NODE}" is not in Manual Mapping mode`);
		if (parameters.includeOtherFields) problems.push(`"${CONFIG_NODE}" includes other input fields; it should output only the settings`);
		const assignments = parameters.assignments?.assignments ?? [];
		if (!assignments.length) problems.push(`"${CONFIG_NODE}" sets no fields`);
		for (const a of assignments) {
			if (!/^[a-z][A-Za-z0-9]*$/.test(a.name)) problems.push(`Config field "${a.name}" is not camelCase`);
			if (/delay/i.test(a.name) && !/(Seconds|Minutes|Hours|Days)$/.test(a.name)) problems.push(`Config field "${a.name}" is a delay without its unit at the end (…Hours, …Days)`);
			if (/delay/i.test(a.name) && a.type !== 'number') problems.push(`Config field "${a.name}" is a delay but not a number`);
			if (typeof a.value === 'string' && a.value.startsWith('=')) problems.push(`Config field "${a.name}" is an expression; Config holds plain values`);
		}
	}
	const connections = workflow.connections as Record<string, { main?: Array<Array<{ node: string }> | null> }>;
	const targetsOf = (name: string) => (connections[name]?.main ?? []).flatMap((output) => (output ?? []).map((c) => c.node));
	for (const [source] of Object.entries(connections)) if (!names.has(source)) problems.push(`connections start at a node "${source}" that does not exist`);
	for (const source of Object.keys(connections)) {
		for (const target of targetsOf(source)) if (!names.has(target)) problems.push(`"${source}" connects to a node "${target}" that does not exist`);
	}
	const triggers = workflow.nodes.filter(isTrigger);
	if (!triggers.length) problems.push('no trigger');
	for (const trigger of triggers) {
		const targets = targetsOf(trigger.name);
		if (targets.length !== 1 || targets[0] !== CONFIG_NODE) problems.push(`trigger "${trigger.name}" does not lead straight (and only) to "${CONFIG_NODE}"`);
	}
	for (const source of Object.keys(connections)) {
		const node = workflow.nodes.find((n) => n.name === source);
		if (node && !isTrigger(node) && targetsOf(source).includes(CONFIG_NODE)) problems.push(`"${source}" feeds "${CONFIG_NODE}"; only triggers should`);
	}

	// Fixed, well-formed, distinct ids.
	const ids = new Set<string>();
	for (const node of workflow.nodes) {
		const id = node.id as string | undefined;
		if (!id || !UUID.test(id)) problems.push(`node "${node.name}" has no UUID id`);
		else if (ids.has(id)) problems.push(`node id ${id} is used twice`);
		else ids.add(id);
		if (WEBHOOK_NODES.has(node.type)) {
			const webhookId = node.webhookId as string | undefined;
			if (!webhookId || !UUID.test(webhookId)) problems.push(`node "${node.name}" has no fixed UUID webhookId`);
		}
		if (typeof node.typeVersion !== 'number') problems.push(`node "${node.name}" has no typeVersion`);
		const expected = N8N_NODE_VERSIONS[node.type];
		if (node.type.startsWith('n8n-nodes-base.') && expected === undefined) problems.push(`node "${node.name}": ${node.type} has no agreed typeVersion yet (add it to N8N_NODE_VERSIONS)`);
		if (expected !== undefined && node.typeVersion !== expected) problems.push(`node "${node.name}": ${node.type} should be typeVersion ${expected}, not ${String(node.typeVersion)}`);
		if (!node.type.startsWith('n8n-nodes-base.') && !node.type.startsWith(PACKAGE_NODE_PREFIX)) problems.push(`node "${node.name}" is a ${node.type}: only n8n's own nodes and this package's`);

		// Credentials by conventional name, never by an instance's id.
		for (const [type, reference] of Object.entries((node.credentials ?? {}) as Record<string, { id?: unknown; name?: unknown }>)) {
			const wanted = (TEMPLATE_CREDENTIAL_NAMES as Record<string, string>)[type];
			if (!wanted) problems.push(`node "${node.name}" uses a ${type} credential, which has no agreed name`);
			else if (reference?.name !== wanted) problems.push(`node "${node.name}": the ${type} credential should be named "${wanted}", not ${JSON.stringify(reference?.name)}`);
			if (reference?.id !== null) problems.push(`node "${node.name}": the ${type} credential should have "id": null (bound by name on import)`);
		}
	}

	// Expressions: no $env, and $('Node') only names nodes that exist.
	const text = JSON.stringify(workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.parameters));
	if (/\$env\b/.test(text)) problems.push('an expression uses $env, which n8n 2.x blocks');
	for (const match of text.matchAll(/\$\(\\?['"]([^'"\\]+)\\?['"]\)/g)) {
		if (!names.has(match[1])) problems.push(`an expression refers to $('${match[1]}'), which is not a node of this workflow`);
	}

	// At least one sticky note that says what the flow does and one that says what to set.
	const stickies = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
	if (stickies.length < 2) problems.push('fewer than two sticky notes (what it does, what to set)');
	if (!stickies.some((n) => /set up/i.test(String((n.parameters as { content?: string }).content ?? '')))) problems.push('no sticky note with a "Set up" section');
	return [...new Set(problems)];
}

/** Every workflow id of every template, to check that no two templates share one. */
export function allTemplateIds(): Array<{ file: string; id: string }> {
	return templateFiles().map((file) => ({ file, id: String(loadTemplate(file).id) }));
}

/** Every webhookId of every template, to check that no two templates share one. */
export function allTemplateWebhookIds(): Array<{ file: string; node: string; webhookId: string }> {
	return templateFiles().flatMap((file) =>
		loadTemplate(file)
			.nodes.filter((n) => typeof n.webhookId === 'string')
			.map((n) => ({ file, node: n.name, webhookId: n.webhookId as string })),
	);
}

// ---- running ----------------------------------------------------------------------------

/**
 * Runs a workflow from one of its triggers as the editor's "Execute workflow" does
 * (POST /rest/workflows/:id/run with `triggerToStartFrom`, WorkflowExecutionService.executeManually
 * in n8n 2.41.1): the stored workflow runs in "manual" mode, a Schedule Trigger emits one item at
 * once. This is how tests run a scheduled branch without waiting for the schedule, and how a
 * marketer runs it now. Returns the execution's id.
 */
export async function runFromTrigger(n8n: N8nApi, workflowId: string, triggerName: string): Promise<string> {
	const result = await n8n.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: triggerName },
	});
	if (!result.executionId) {
		throw new Error(`running "${triggerName}" of workflow ${workflowId} started no execution: ${JSON.stringify(result)} (a webhook trigger waits for a test call instead)`);
	}
	return String(result.executionId);
}

/** Polls one execution until it has finished; returns it with its data. */
export async function waitForExecution(n8n: N8nApi, executionId: string, timeoutMs = 60_000): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const execution = await n8n.getExecution(executionId, true);
			if (FINISHED_STATUSES.includes(execution.status)) return execution;
			if (Date.now() > deadline) throw new Error(`execution ${executionId} still "${execution.status}" after ${timeoutMs} ms`);
		} catch (error) {
			// Manual executions are written to the database when they start; tolerate a 404 for a moment.
			if (!(error instanceof Error && /HTTP 404/.test(error.message)) || Date.now() > deadline) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The nodes that ran in an execution, in the order they ran. */
export function nodesRun(execution: Execution): string[] {
	return Object.keys(execution.data?.resultData.runData ?? {});
}

// ---- n8n import:workflow ----------------------------------------------------------------

export interface CliImportResult {
	/** The workflows of the throwaway instance after the import, as `n8n export:workflow --all` gives them. */
	workflows: Array<WorkflowJson & { id: string }>;
	/** What `n8n import:workflow` printed. */
	output: string;
}

/** A credential for `n8n import:credentials`: plain `data` is encrypted by n8n on import. */
export interface CliCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * Imports a workflow file with n8n's CLI (`n8n import:workflow --input=<file>`) into a throwaway
 * user folder (fresh SQLite database), optionally after `n8n import:credentials` of some
 * credentials, then exports everything back (`n8n export:workflow --all`), so a test can check what
 * a user importing from the command line gets. The folder is removed. Takes a few seconds (each
 * command starts n8n's CLI; the first one migrates the new database).
 */
export async function importWithCli(toolchain: Toolchain, file: string, options: { credentials?: CliCredential[] } = {}): Promise<CliImportResult> {
	const tempDir = await mkdtemp(path.join(os.tmpdir(), 'tajo-n8n-cli-import-'));
	try {
		const userFolder = path.join(tempDir, 'user');
		await mkdir(userFolder, { recursive: true });
		// Ports are never opened by import/export; they are set so nothing defaults to 5678 by accident.
		const [port, brokerPort] = await freePorts(2);
		// A clean environment, as for `n8n start` (n8n-process.ts): Jest's NODE_ENV=test and stray
		// N8N_*/DB_* variables of a developer's shell must not change what is tested.
		const inherited = Object.fromEntries(['HOME', 'USER', 'LANG', 'TMPDIR', 'TZ'].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
		const { PATH, npm_config_nodedir } = node24Env(toolchain);
		const env = { ...inherited, PATH, npm_config_nodedir, ...n8nEnvironment({ userFolder, port, brokerPort }) };
		const node = path.join(toolchain.nodeBinDir, 'node');
		const n8nCli = async (...args: string[]) => await run(node, [toolchain.n8nBin, ...args], { cwd: tempDir, env, timeoutMs: 180_000 });
		if (options.credentials?.length) {
			const credentialsFile = path.join(tempDir, 'credentials.json');
			await writeFile(credentialsFile, JSON.stringify(options.credentials));
			await n8nCli('import:credentials', `--input=${credentialsFile}`);
		}
		const imported = await n8nCli('import:workflow', `--input=${file}`);
		const exportFile = path.join(tempDir, `export-${randomUUID()}.json`);
		await n8nCli('export:workflow', '--all', `--output=${exportFile}`);
		const workflows = JSON.parse(await readFile(exportFile, 'utf8')) as CliImportResult['workflows'];
		return { workflows, output: `${imported.stdout}\n${imported.stderr}` };
	} finally {
		await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
	}
}

// ---- checks the template tests share ------------------------------------------------------

/** The ids expectCliImportAsIs gives the credentials it imports (n8n's ids are 16 characters). */
export const CLI_CREDENTIAL_IDS: Readonly<Record<TemplateCredentialType, string>> = {
	bigCommerceApi: 'cliBigCommerce01',
	brevoApi: 'cliBrevo00000001',
	tajoLoyaltyDatabase: 'cliTajoLoyalty01',
};

type CredentialReferences = Record<string, { id?: unknown; name?: unknown }>;

/** The nodes of a workflow that have credentials, as `[node name, credential references]`, in order. */
export function credentialBindings(workflow: WorkflowJson): Array<[string, unknown]> {
	return workflow.nodes.filter((n) => n.credentials).map((n) => [n.name, n.credentials]);
}

/**
 * What credentialBindings should give once a template is bound by name: every node of the template
 * with credentials, each reference `{id: ids[type], name: <the agreed name of that type>}`.
 */
export function expectedBindings(template: WorkflowJson, ids: Partial<Record<string, string>>): Array<[string, unknown]> {
	return credentialBindings(template).map(([name, references]) => [
		name,
		Object.fromEntries(Object.keys(references as CredentialReferences).map((type) => [type, { id: ids[type], name: TEMPLATE_CREDENTIAL_NAMES[type as TemplateCredentialType] }])),
	]);
}

/**
 * Imports a template file as it is with `n8n import:workflow` (importWithCli) into a fresh n8n that
 * has a credential of each type the template uses, under the agreed names, and expects the same
 * workflow back (id, name, inactive, connections, settings, nodes) with every credential reference
 * bound to those credentials by name. The credentials point at `urls` (nothing calls them). Returns
 * the imported workflow for a file's own further checks.
 */
export async function expectCliImportAsIs(
	toolchain: Toolchain,
	file: string,
	urls: { bigCommerce: string; brevo: string },
): Promise<CliImportResult['workflows'][number]> {
	const template = loadTemplate(file);
	const data: Record<TemplateCredentialType, Record<string, unknown>> = {
		bigCommerceApi: { storeHash: 'abc123', accessToken: 'token', apiBaseUrl: urls.bigCommerce },
		brevoApi: { apiKey: 'xkeysib-cli', baseUrl: urls.brevo },
		tajoLoyaltyDatabase: { type: 'sqlite', sqlitePath: TEMPLATE_LEDGER_FILE },
	};
	const types = [...new Set(credentialBindings(template).flatMap(([, references]) => Object.keys(references as CredentialReferences)))] as TemplateCredentialType[];
	const credentials = types.map((type) => ({ id: CLI_CREDENTIAL_IDS[type], name: TEMPLATE_CREDENTIAL_NAMES[type], type, data: data[type] }));
	const { workflows, output } = await importWithCli(toolchain, path.join(TEMPLATES_DIR, file), { credentials });
	expect(output).toContain('Successfully imported 1 workflow');
	expect(workflows).toHaveLength(1);
	const [imported] = workflows;
	expect(imported).toEqual(expect.objectContaining({ id: template.id, name: template.name, active: false, connections: template.connections, settings: template.settings }));
	const shape = (nodes: WorkflowJson['nodes']) => nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, typeVersion: n.typeVersion, webhookId: n.webhookId, parameters: n.parameters }));
	expect(shape(imported.nodes)).toEqual(shape(template.nodes));
	expect(credentialBindings(imported)).toEqual(expectedBindings(template, CLI_CREDENTIAL_IDS));
	return imported;
}

/**
 * Imports a template as it is through the public API into `n8n`, which has `credentials` under the
 * agreed names, and expects every credential reference bound to them by name. Returns the stored
 * workflow for a file's own further checks.
 */
export async function expectBindsByName(
	n8n: Pick<N8nApi, 'importWorkflow' | 'getWorkflow'>,
	template: WorkflowJson,
	credentials: Partial<Record<string, { id: string }>>,
): Promise<StoredWorkflow> {
	const imported = await n8n.importWorkflow(template);
	const stored = await n8n.getWorkflow(imported.id);
	const ids = Object.fromEntries(Object.entries(credentials).map(([type, credential]) => [type, credential?.id]));
	expect(credentialBindings(stored)).toEqual(expectedBindings(template, ids));
	return stored;
}

// ---- the stack a template test runs on ----------------------------------------------------

/** The SQLite ledger file template tests point the Tajo Loyalty credential at (in n8n's user folder). */
export const TEMPLATE_LEDGER_FILE = 'tajo-loyalty.sqlite';

/** One n8n with the package, both emulators, and the three credentials the templates name. */
export interface TemplateStack {
	n8n: N8nInstance;
	bc: BigCommerceSandbox;
	brevo: BrevoSandbox;
	credentials: Record<TemplateCredentialType, { id: string; name: string }>;
	/** Where the Tajo Loyalty credential's SQLite ledger is (n8n creates it on first use). */
	ledgerPath: string;
	/** Stops n8n and both emulators. */
	close(): Promise<void>;
}

/**
 * Starts n8n (package installed from its tarball) and the BigCommerce and Brevo emulators side by
 * side, and creates the credentials BigCommerce, Brevo and Tajo Loyalty (SQLite in n8n's user
 * folder) pointing at them, so templates imported as they are bind to them by name. On a failure
 * it stops whatever did start and throws the first reason.
 */
export async function startTemplateStack(
	options: { n8n?: StartN8nOptions; bigcommerce?: BigCommerceSandboxOptions; brevo?: BrevoSandboxOptions } = {},
): Promise<TemplateStack> {
	const started = await Promise.allSettled([startN8n(options.n8n), startBigCommerceSandbox({ seed: true, ...options.bigcommerce }), startBrevoSandbox(options.brevo)]);
	const [n8nResult, bcResult, brevoResult] = started;
	const close = async () => {
		await Promise.allSettled([
			n8nResult.status === 'fulfilled' ? n8nResult.value.stop() : undefined,
			bcResult.status === 'fulfilled' ? bcResult.value.close() : undefined,
			brevoResult.status === 'fulfilled' ? brevoResult.value.close() : undefined,
		]);
	};
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure || n8nResult.status !== 'fulfilled' || bcResult.status !== 'fulfilled' || brevoResult.status !== 'fulfilled') {
		await close();
		throw failure?.reason;
	}
	const [n8n, bc, brevo] = [n8nResult.value, bcResult.value, brevoResult.value];
	try {
		const credentials = {
			bigCommerceApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.bigCommerceApi, 'bigCommerceApi', { storeHash: bc.storeHash, accessToken: bc.accessToken, apiBaseUrl: bc.url }),
			brevoApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.brevoApi, 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl }),
			tajoLoyaltyDatabase: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.tajoLoyaltyDatabase, 'tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: TEMPLATE_LEDGER_FILE }),
		};
		return { n8n, bc, brevo, credentials, ledgerPath: path.join(n8n.userFolder, '.n8n', TEMPLATE_LEDGER_FILE), close };
	} catch (error) {
		await close();
		throw error;
	}
}
