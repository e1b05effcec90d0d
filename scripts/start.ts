/**
 * `npm start`: the product on this machine — n8n 2.41.1 with this package installed from its
 * tarball (as n8n installs community packages), credentials, and every template of workflows/
 * imported (those with an automatic trigger activated).
 *
 * By default n8n talks to the BigCommerce and Brevo sandboxes, seeded with a sample store. With the
 * settings of a real store and/or Brevo account (environment variables or tajo.config.json, see
 * scripts/demo/demo-settings.ts and the README's quick start), it uses those instead, and starts no
 * emulator for them. n8n keeps its data in .demo/ (git-ignored) between runs; delete it to start over.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { OWNER, REPO_ROOT, startN8n, type N8nInstance } from '../test/harness';
import { startServices, type Services } from './demo/demo-services';
import { DemoSettingsError, loadDemoSettings, type DemoSettings } from './demo/demo-settings';
import { provision, readProvisioned } from './demo/provisioning';

export const DEMO_DIR = path.join(REPO_ROOT, '.demo');
export const PROVISIONED_FILE = path.join(DEMO_DIR, 'provisioned.json');

/** What to tell a user whose settings cannot work as they are. */
function settingsWarnings(settings: DemoSettings): string[] {
	const warnings: string[] = [];
	if (settings.bigcommerce && !settings.n8n.webhookUrl) {
		warnings.push(
			'BigCommerce delivers webhooks only to https addresses on port 443, and this n8n listens on http://127.0.0.1. ' +
				'Set TAJO_WEBHOOK_URL (or n8n.webhookUrl) to a public https address that reaches this machine (e.g. a tunnel), ' +
				'or the templates started by BigCommerce events cannot be activated.',
		);
	}
	if (settings.brevo && (settings.brevo.reportTemplateId === undefined || settings.brevo.ownerEmail === undefined)) {
		warnings.push('The Analytics report template needs a Brevo template ID and the owner\'s email: set TAJO_BREVO_REPORT_TEMPLATE_ID and TAJO_OWNER_EMAIL, or fill in its Config node.');
	}
	return warnings;
}

async function main(): Promise<void> {
	let settings: DemoSettings;
	try {
		settings = loadDemoSettings();
	} catch (error) {
		console.error(error instanceof DemoSettingsError ? error.message : error);
		process.exit(2);
	}
	mkdirSync(DEMO_DIR, { recursive: true });
	const port = settings.n8n.port;
	console.log('Starting n8n (the first run installs n8n 2.41.1 into the cache: a few minutes)…');
	let services: Services | undefined;
	let n8n: N8nInstance | undefined;
	// Ctrl-C often arrives twice (npm and tsx relay it): stop once, and exit only when n8n is down.
	let stopping: Promise<void> | undefined;
	const stop = (code = 0) =>
		(stopping ??= (async () => {
			console.log('\nStopping…');
			await n8n?.stop();
			await services?.close();
			process.exit(code);
		})());
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	try {
		// The sandbox store lives in memory while n8n's data and the ledger stay in .demo/: each start
		// opens a new store (sandbox1, sandbox2, …) so that its customer and order ids, which start
		// again from the sample store's, never meet what the ledger holds for an earlier one.
		const sandboxStores = settings.bigcommerce ? undefined : readProvisioned(PROVISIONED_FILE).sandboxStores + 1;
		services = await startServices(settings, { sandboxStoreHash: sandboxStores ? `sandbox${sandboxStores}` : undefined });
		const env = settings.n8n.webhookUrl ? { N8N_WEBHOOK_URL: `${settings.n8n.webhookUrl}/` } : undefined;
		n8n = await startN8n({ dataDir: DEMO_DIR, port, env });
		const { provisioned, changes } = await provision(n8n, PROVISIONED_FILE, services, (text) => console.warn(text), sandboxStores);
		console.log(
			[
				'',
				`n8n is ready: http://localhost:${port}   (sign in as ${OWNER.email} / ${OWNER.password})`,
				`  package n8n-nodes-tajo-bigcommerce installed from its tarball; log: ${n8n.logFile}`,
				`  credentials: ${Object.keys(provisioned.credentials).join(', ')}`,
				`  templates: ${Object.keys(provisioned.workflows).join(', ')}`,
				...changes.map((change) => `  ${change}`),
				'',
				...services.describe,
				...settingsWarnings(settings).map((warning) => `\nNote: ${warning}`),
				'',
				...(services.emulators.bigcommerce && services.emulators.brevo ? ['Play a scripted store day against it: npm run demo (in another terminal).'] : []),
				'Ctrl-C stops everything. Data stays in .demo/ (delete it to start over).',
			].join('\n'),
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop(1);
	}
}

if (require.main === module) void main();
