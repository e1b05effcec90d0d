// Foundation E2E (issue 2, item 5): the package, installed from its npm tarball exactly as n8n
// installs community packages, loads in real n8n 2.41.1 on Node 24; each credential's test runs
// through n8n against the emulators; a workflow imported and activated through the public API runs.
// One n8n for the whole file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBigCommerceSandbox } from '../../sandbox/bigcommerce';
import { startBrevoSandbox } from '../../sandbox/brevo';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server';
import { freePorts, nodeOutput, nodesFolder, readManifest, startN8n, type N8nInstance, type WorkflowJson } from '../harness';

type BigCommerceSandbox = Awaited<ReturnType<typeof startBigCommerceSandbox>>;
type BrevoSandbox = Awaited<ReturnType<typeof startBrevoSandbox>>;

const fileStarted = Date.now();
const manifest = readManifest();
let n8n: N8nInstance;
let bigcommerce: BigCommerceSandbox;
let brevo: BrevoSandbox;
let scratch: string;

beforeAll(async () => {
	// n8n (build, pack, install, start: the slow part) and the emulators start side by side.
	const started = await Promise.allSettled([
		startN8n(),
		startBigCommerceSandbox(),
		startBrevoSandbox(),
		mkdtemp(path.join(os.tmpdir(), 'tajo-e2e-foundation-')),
	]);
	const [n8nResult, bigcommerceResult, brevoResult, scratchResult] = started;
	if (n8nResult.status === 'fulfilled') n8n = n8nResult.value;
	if (bigcommerceResult.status === 'fulfilled') bigcommerce = bigcommerceResult.value;
	if (brevoResult.status === 'fulfilled') brevo = brevoResult.value;
	if (scratchResult.status === 'fulfilled') scratch = scratchResult.value;
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure) throw failure.reason;
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), bigcommerce?.close(), brevo?.close(), scratch ? rm(scratch, { recursive: true, force: true }) : undefined]);
	if (n8n) {
		const t = n8n.timings;
		process.stdout.write(
			`[foundation e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; n8n start-up ${(t.totalMs / 1000).toFixed(1)} s ` +
				`(toolchain ${t.toolchainMs} ms, build ${t.buildMs} ms, pack ${t.packMs} ms, install ${t.installMs} ms, ` +
				`n8n start ${t.startMs} ms, login+API key ${t.loginMs} ms)\n`,
		);
	}
}, 60_000);

describe('n8n with the package installed from its tarball', () => {
	it('is n8n 2.41.1', () => {
		expect(n8n.toolchain.n8nVersion).toBe('2.41.1');
		expect(n8n.log()).toContain('Version: 2.41.1');
	});

	it('installed the tarball as a community package, without a second n8n-workflow', () => {
		const nodeModules = path.join(nodesFolder(n8n.userFolder), 'node_modules');
		expect(existsSync(path.join(nodeModules, manifest.name, 'package.json'))).toBe(true);
		for (const file of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
			expect(existsSync(path.join(nodeModules, manifest.name, file))).toBe(true);
		}
		// A second copy would break n8n's `instanceof` checks on its error classes (DESIGN §2).
		expect(existsSync(path.join(nodeModules, 'n8n-workflow'))).toBe(false);
		expect(existsSync(path.join(nodeModules, manifest.name, 'node_modules', 'n8n-workflow'))).toBe(false);
		expect(n8n.log()).not.toContain(`Failed to load package "${manifest.name}"`);
	});

	it('knows every credential type the package declares', async () => {
		const expected = n8n.expectedTypes!.credentials.map((c) => c.name);
		expect(expected.length).toBe(manifest.n8n.credentials.length);
		const known = new Set((await n8n.credentialTypes()).map((c) => c.name));
		expect(expected.filter((name) => !known.has(name))).toEqual([]);
	});

	it('knows every node of the package under the package name, not CUSTOM.*', async () => {
		const expected = n8n.expectedTypes!.nodes.map((node) => node.name);
		expect(expected.length).toBe(manifest.n8n.nodes.length);
		const known = new Set((await n8n.nodeTypes()).map((node) => node.name));
		expect(expected.filter((name) => !known.has(`${manifest.name}.${name}`))).toEqual([]);
		expect(expected.filter((name) => known.has(`CUSTOM.${name}`))).toEqual([]);
	});
});

describe('credential tests through n8n against the emulators', () => {
	const bigCommerceData = (overrides: Record<string, string> = {}): Record<string, string> => ({
		storeHash: bigcommerce.storeHash,
		accessToken: bigcommerce.accessToken,
		apiBaseUrl: bigcommerce.url,
		...overrides,
	});

	it('BigCommerce API: a good token passes', async () => {
		expect(await n8n.testCredential('bigCommerceApi', bigCommerceData())).toEqual(expect.objectContaining({ status: 'OK' }));
	});

	it('BigCommerce API: a wrong token fails and says to copy the token again', async () => {
		const result = await n8n.testCredential('bigCommerceApi', bigCommerceData({ accessToken: 'not-the-token' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the access token/i);
	});

	it('BigCommerce API: a wrong store hash fails and points at the store hash', async () => {
		const result = await n8n.testCredential('bigCommerceApi', bigCommerceData({ storeHash: 'nosuchstore' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/store hash/i);
	});

	it('Brevo API: a good key passes, a wrong key fails and says to generate a new key', async () => {
		const good = await n8n.testCredential('brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl });
		expect(good).toEqual(expect.objectContaining({ status: 'OK' }));
		const bad = await n8n.testCredential('brevoApi', { apiKey: 'xkeysib-wrong', baseUrl: brevo.apiBaseUrl });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/did not accept this API key/i);
	});

	it('BigCommerce and Brevo API: with nothing listening at the base URL, the message names the URL to fix, not ECONNREFUSED', async () => {
		// A port that was free a moment ago: nothing listens there.
		const url = `http://127.0.0.1:${(await freePorts(1))[0]}`;
		const bc = await n8n.testCredential('bigCommerceApi', bigCommerceData({ apiBaseUrl: url }));
		expect(bc).toEqual({ status: 'Error', message: expect.stringMatching(new RegExp(`^Nothing answered at ${url.replace(/\./g, '\\.')}: .*Check the API Base URL \\("${url.replace(/\./g, '\\.')}"\\)`)) });
		const brevoResult = await n8n.testCredential('brevoApi', { apiKey: brevo.apiKey, baseUrl: `${url}/v3` });
		expect(brevoResult).toEqual({ status: 'Error', message: expect.stringContaining(`Check the Base URL ("${url}/v3")`) });
		expect(`${bc.message} ${brevoResult.message}`).not.toMatch(/ECONN/);
	});

	it('Tajo Loyalty database: a SQLite file in a writable folder passes', async () => {
		const result = await n8n.testCredential('tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: path.join(scratch, 'ledger.sqlite') });
		expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
		expect(existsSync(path.join(scratch, 'ledger.sqlite'))).toBe(true);
	});

	it('Tajo Loyalty database: a SQLite path that cannot be created fails with the path in the message', async () => {
		// A regular file where a folder should be: fails even for root, unlike a read-only folder.
		const notAFolder = path.join(scratch, 'not-a-folder');
		await writeFile(notAFolder, 'x');
		const badPath = path.join(notAFolder, 'ledger.sqlite');
		const result = await n8n.testCredential('tajoLoyaltyDatabase', { type: 'sqlite', sqlitePath: badPath });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(badPath);
	});

	describe('Tajo Loyalty database on PostgreSQL', () => {
		// A throwaway cluster, as the store conformance suite uses (.ci/run installs PostgreSQL).
		let pg: TestPostgres;
		beforeAll(async () => (pg = await startTestPostgres()), 120_000);
		afterAll(async () => pg?.stop());
		const pgData = (overrides: Record<string, unknown> = {}) => ({
			type: 'postgres', host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password, ssl: 'disable', ...overrides,
		});

		it('a reachable server with the right password passes', async () => {
			const result = await n8n.testCredential('tajoLoyaltyDatabase', pgData());
			expect(result).toEqual(expect.objectContaining({ status: 'OK', message: expect.stringMatching(/^Connected to PostgreSQL/) }));
		});

		it('a wrong password fails and says so', async () => {
			const result = await n8n.testCredential('tajoLoyaltyDatabase', pgData({ password: 'wrong' }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/rejected user "postgres" with this password/);
		});
	});

	it('stores a credential through the public API', async () => {
		const created = await n8n.createCredential('BigCommerce sandbox', 'bigCommerceApi', bigCommerceData());
		expect(created).toEqual(expect.objectContaining({ id: expect.any(String), type: 'bigCommerceApi', name: 'BigCommerce sandbox' }));
	});
});

describe('a workflow imported and activated through the public API', () => {
	// Webhook → Code (runs in n8n's task runner) → Respond to Webhook.
	const workflow: WorkflowJson = {
		name: 'E2E foundation: webhook echo',
		nodes: [
			{
				id: 'b7f8e4c1-0001-4c7e-9a57-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b7f8e4c1-0001-4c7e-9a57-0000000000ff',
				parameters: { httpMethod: 'POST', path: 'e2e-foundation-echo', responseMode: 'responseNode', options: {} },
			},
			{
				id: 'b7f8e4c1-0001-4c7e-9a57-000000000002',
				name: 'Add a point',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: "const body = $input.first().json.body;\nreturn [{ json: { greeting: 'Hello ' + body.name, points: body.points + 1 } }];",
				},
			},
			{
				id: 'b7f8e4c1-0001-4c7e-9a57-000000000003',
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: { respondWith: 'firstIncomingItem', options: {} },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Add a point', type: 'main', index: 0 }]] },
			'Add a point': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};

	it('answers its webhook and records a successful execution with its data', async () => {
		const imported = await n8n.importWorkflow(workflow);
		const activated = await n8n.activateWorkflow(imported.id);
		expect(activated.active).toBe(true);

		const response = await n8n.callWebhook('e2e-foundation-echo', { body: { name: 'Ada', points: 41 } });
		// Status and body together, so a 404/500 shows n8n's explanation in the diff.
		expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { greeting: 'Hello Ada', points: 42 } });

		const [finished] = await n8n.waitForExecutions(imported.id, { count: 1, timeoutMs: 30_000 });
		expect(finished.status).toBe('success');
		const execution = await n8n.getExecution(finished.id, true);
		expect(execution.mode).toBe('webhook');
		expect(nodeOutput(execution, 'Add a point')).toEqual([{ greeting: 'Hello Ada', points: 42 }]);
		expect(nodeOutput(execution, 'Webhook')[0]).toEqual(expect.objectContaining({ body: { name: 'Ada', points: 41 } }));
	});
});
