// Where `npm run demo` plays the store day: the running `npm start` (its n8n, emulators and
// ledger), or, with --replay, a fresh n8n and fresh emulators of its own.
import path from 'node:path';
import { SANDBOX_DEFAULT_PORTS } from '../../sandbox/cli';
import { N8nApi } from '../../test/harness/n8n-api';
import { OWNER } from '../../test/harness/n8n-instance';
import { startTemplateStack, type TemplateStack } from '../../test/harness/templates';
import { BigCommerceControl } from '../store-day/bigcommerce-control';
import { BrevoControl } from '../store-day/brevo-control';
import { DAY_DELAYS } from '../store-day/day-timings';
import { SANDBOX_OWNER_EMAIL, SANDBOX_REPORT_TEMPLATE_ID } from './demo-services';
import { readProvisioned } from './provisioning';
import { importTemplates, type ConfigValues } from './template-import';
import { setConfigValues } from './workflow-config';

export interface DemoTarget {
	n8n: N8nApi;
	n8nUrl: string;
	bc: BigCommerceControl;
	brevo: BrevoControl;
	/** Workflow ids by template file. */
	workflowIds: Record<string, string>;
	/** The Tajo Loyalty credential's SQLite file. */
	ledgerPath: string;
	/** Puts back what the demo changed, stops what it started. */
	close(): Promise<void>;
}

export class DemoTargetError extends Error {}

/**
 * The running `npm start`: its emulators must answer on their ports and its templates must be
 * imported. The templates' delays are shortened for the day (close() puts them back).
 */
export async function connectToRunningDemo(options: { demoDir: string; n8nPort: number; log: (line: string) => void }): Promise<DemoTarget> {
	const bc = new BigCommerceControl(`http://127.0.0.1:${SANDBOX_DEFAULT_PORTS.bigcommerce}`);
	const brevo = new BrevoControl(`http://127.0.0.1:${SANDBOX_DEFAULT_PORTS.brevo}`);
	const start = 'Start the demo first (`npm start` in another terminal), or let this command start everything itself: npm run demo -- --replay';
	await bc.info().catch(() => {
		throw new DemoTargetError(`The BigCommerce emulator does not answer at ${bc.url}. ${start}. (With a real store configured, npm start runs no emulator: the scripted day plays only on the sandbox store.)`);
	});
	await brevo.health().catch(() => {
		throw new DemoTargetError(`The Brevo emulator does not answer at ${brevo.url}. ${start}.`);
	});
	const n8nUrl = `http://127.0.0.1:${options.n8nPort}`;
	const n8n = new N8nApi({ baseUrl: n8nUrl });
	try {
		await n8n.login(OWNER.email, OWNER.password);
		await n8n.createApiKey(`demo-${Date.now()}`);
	} catch (error) {
		throw new DemoTargetError(`n8n does not answer at ${n8nUrl} as npm start leaves it (${(error as Error).message.split('\n')[0]}). ${start}.`);
	}
	const workflowIds = readProvisioned(path.join(options.demoDir, 'provisioned.json')).workflows;
	if (Object.keys(workflowIds).length === 0) throw new DemoTargetError(`npm start has not imported the templates yet (${options.demoDir}/provisioned.json). ${start}.`);

	// Minutes instead of days: the delays of the day, put back afterwards.
	const restore: Array<[string, ConfigValues]> = [];
	const putBack = async () => {
		for (const [id, values] of restore.splice(0)) await setConfigValues(n8n, id, values);
	};
	try {
		for (const [file, id] of Object.entries(workflowIds)) {
			const before = await setConfigValues(n8n, id, DAY_DELAYS);
			if (Object.keys(before).length) {
				restore.push([id, before]);
				options.log(`(${file}: delays shortened for the day: ${Object.keys(before).join(', ')})`);
			}
		}
	} catch (error) {
		await putBack();
		throw error;
	}
	return {
		n8n,
		n8nUrl,
		bc,
		brevo,
		workflowIds,
		ledgerPath: path.join(options.demoDir, 'user', '.n8n', 'tajo-loyalty.sqlite'),
		close: async () => {
			const changed = restore.length > 0;
			await putBack();
			if (changed) options.log('The templates\' delays are back to what they were.');
		},
	};
}

/**
 * A fresh n8n (temporary folder, free port) with the package from its tarball, fresh seeded
 * emulators on free ports, the credentials, and every template imported with the day's delays;
 * schedules do not fire by themselves (the day runs those templates at its end).
 */
export async function startReplay(): Promise<DemoTarget & { stack: TemplateStack }> {
	const stack = await startTemplateStack({ bigcommerce: { cartAbandonAfterMs: null } });
	try {
		const { n8n, bc, brevo } = stack;
		const workflowIds = await importTemplates(n8n, {
			config: {
				storeHash: bc.storeHash,
				storefrontUrl: `${bc.url}/storefront/${bc.storeHash}/`,
				reportTemplateId: SANDBOX_REPORT_TEMPLATE_ID,
				ownerEmail: SANDBOX_OWNER_EMAIL,
				...DAY_DELAYS,
			},
			quietSchedules: true,
		});
		return {
			stack,
			n8n,
			n8nUrl: n8n.baseUrl,
			bc: new BigCommerceControl(bc.url),
			brevo: new BrevoControl(brevo.url),
			workflowIds,
			ledgerPath: stack.ledgerPath,
			close: () => stack.close(),
		};
	} catch (error) {
		await stack.close();
		throw error;
	}
}
