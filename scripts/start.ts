/**
 * `npm start`: the product on this machine — n8n 2.41.1 with this package installed from its
 * tarball (as n8n installs community packages), the BigCommerce and Brevo sandboxes seeded with a
 * sample store, credentials pointing at them, and every template of workflows/ imported.
 * n8n keeps its data in .demo/ (git-ignored) between runs; delete that folder to start over.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSandboxes, SANDBOX_DEFAULT_PORTS } from '../sandbox/cli';
import { OWNER, REPO_ROOT, startN8n, type N8nInstance, type WorkflowJson } from '../test/harness';
import { configOf, withConfig } from '../test/harness/templates';

const DEMO_DIR = path.join(REPO_ROOT, '.demo');
const PROVISIONED = path.join(DEMO_DIR, 'provisioned.json');
const N8N_PORT = Number(process.env.TAJO_DEMO_PORT ?? 5678);

/**
 * The sandbox store's values for the Config fields a marketer would fill in for a real store
 * (the Brevo sandbox seeds template 8 "loyalty_report" and the segment lists 4-8 the defaults use).
 */
function withDemoConfig(workflow: WorkflowJson, sandboxes: Awaited<ReturnType<typeof startSandboxes>>): WorkflowJson {
	const demo: Record<string, unknown> = {
		storeHash: sandboxes.bigcommerce.storeHash,
		storefrontUrl: `${sandboxes.bigcommerce.url}/storefront/${sandboxes.bigcommerce.storeHash}/`,
		reportTemplateId: 8,
		ownerEmail: 'owner@tajo-sandbox.example',
	};
	const fields = configOf(workflow);
	return withConfig(workflow, Object.fromEntries(Object.entries(demo).filter(([key]) => key in fields)));
}

/** Templates started by BigCommerce events or a schedule are activated; manual ones are not. */
function hasAutomaticTrigger(workflow: WorkflowJson): boolean {
	return workflow.nodes.some((node) => /Trigger$|\.webhook$/.test(node.type) && !node.type.endsWith('.manualTrigger'));
}

interface Provisioned {
	credentials: Record<string, string>;
	workflows: Record<string, string>;
}

function readProvisioned(): Provisioned {
	if (!existsSync(PROVISIONED)) return { credentials: {}, workflows: {} };
	return JSON.parse(readFileSync(PROVISIONED, 'utf8')) as Provisioned;
}

/** Credentials and templates are created once; later runs keep what the user changed. */
async function provision(n8n: N8nInstance, sandboxes: Awaited<ReturnType<typeof startSandboxes>>): Promise<Provisioned> {
	const done = readProvisioned();
	const credentials: Array<[string, string, Record<string, unknown>]> = [
		['BigCommerce', 'bigCommerceApi', { storeHash: sandboxes.bigcommerce.storeHash, accessToken: sandboxes.bigcommerce.accessToken, apiBaseUrl: sandboxes.bigcommerce.url }],
		['Brevo', 'brevoApi', { apiKey: sandboxes.brevo.apiKey, baseUrl: sandboxes.brevo.apiBaseUrl }],
		['Tajo Loyalty', 'tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: 'tajo-loyalty.sqlite' }],
	];
	for (const [name, type, data] of credentials) {
		if (done.credentials[name]) continue;
		done.credentials[name] = (await n8n.createCredential(name, type, data)).id;
	}
	const templatesDir = path.join(REPO_ROOT, 'workflows');
	const templates = existsSync(templatesDir) ? readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort() : [];
	for (const file of templates) {
		if (done.workflows[file]) continue;
		const raw = JSON.parse(readFileSync(path.join(templatesDir, file), 'utf8')) as WorkflowJson;
		const workflow = withDemoConfig(raw, sandboxes);
		const id = (await n8n.importWorkflow(workflow)).id;
		done.workflows[file] = id;
		if (hasAutomaticTrigger(workflow)) {
			await n8n.activateWorkflow(id).catch((error: unknown) => console.warn(`Could not activate ${file}: ${error instanceof Error ? error.message.split('\n')[0] : error}`));
		}
	}
	writeFileSync(PROVISIONED, JSON.stringify(done, null, 2));
	return done;
}

async function main(): Promise<void> {
	mkdirSync(DEMO_DIR, { recursive: true });
	console.log('Starting the sandboxes and n8n (the first run installs n8n 2.41.1 into the cache: a few minutes)…');
	const sandboxes = await startSandboxes(SANDBOX_DEFAULT_PORTS);
	let n8n: N8nInstance | undefined;
	// Ctrl-C often arrives twice (npm and tsx relay it): stop once, and exit only when n8n is down.
	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			console.log('\nStopping…');
			await n8n?.stop();
			await sandboxes.close();
			process.exit(0);
		})());
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	try {
		n8n = await startN8n({ dataDir: DEMO_DIR, port: N8N_PORT });
		const done = await provision(n8n, sandboxes);
		console.log(
			[
				'',
				`n8n is ready: http://localhost:${N8N_PORT}   (sign in as ${OWNER.email} / ${OWNER.password})`,
				`  package n8n-nodes-tajo-bigcommerce installed from its tarball; log: ${n8n.logFile}`,
				`  credentials: ${Object.keys(done.credentials).join(', ')}`,
				`  templates imported: ${Object.keys(done.workflows).length ? Object.keys(done.workflows).join(', ') : 'none yet'}`,
				'',
				sandboxes.describe,
				'',
				'Ctrl-C stops everything. Data stays in .demo/ (delete it to start over).',
			].join('\n'),
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop();
	}
}

void main();
