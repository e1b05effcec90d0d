// The BigCommerce store and Brevo account `npm start` connects n8n to: the real ones the settings
// give, or the sandbox emulators (seeded with the sample store) for whichever is not given. Yields
// the credentials' data and the templates' Config values for each.
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox } from '../../sandbox/brevo';
import { SANDBOX_DEFAULT_PORTS } from '../../sandbox/cli';
import { TEMPLATE_LEDGER_FILE, type TemplateCredentialType } from '../../test/harness/templates';
import type { DemoSettings } from './demo-settings';
import type { ConfigValues } from './template-import';

/** The sample Brevo account's report template ("loyalty_report") and the sandbox owner. */
export const SANDBOX_REPORT_TEMPLATE_ID = 8;
export const SANDBOX_OWNER_EMAIL = 'owner@tajo-sandbox.example';

export interface Services {
	/** Data of the credentials BigCommerce, Brevo and Tajo Loyalty, by credential type. */
	credentials: Record<TemplateCredentialType, Record<string, unknown>>;
	/** Values for the templates' Config fields (store hash, storefront, report template, owner). */
	config: ConfigValues;
	/** The emulators that were started (none for a service the settings give). */
	emulators: { bigcommerce?: BigCommerceSandbox; brevo?: BrevoSandbox };
	/** Lines for the console: what n8n is connected to. */
	describe: string[];
	close(): Promise<void>;
}

/**
 * Starts the emulators the settings leave to the sandbox, on their usual ports (4010, 4020); the
 * BigCommerce one as the store `sandboxStoreHash`.
 */
export async function startServices(
	settings: DemoSettings,
	options: { ports?: { bigcommerce: number; brevo: number }; sandboxStoreHash?: string } = {},
): Promise<Services> {
	const ports = options.ports ?? SANDBOX_DEFAULT_PORTS;
	const emulators: Services['emulators'] = {};
	const close = async () => void (await Promise.all([emulators.bigcommerce?.close(), emulators.brevo?.close()]));
	try {
		const describe: string[] = [];
		const config: ConfigValues = {};
		let bigCommerceApi: Record<string, unknown>;
		if (settings.bigcommerce) {
			const { storeHash, accessToken, apiUrl, storefrontUrl } = settings.bigcommerce;
			bigCommerceApi = { storeHash, accessToken, apiBaseUrl: apiUrl };
			Object.assign(config, { storeHash, storefrontUrl: storefrontUrl ?? '' });
			describe.push(`BigCommerce          your store ${storeHash} at ${apiUrl} (from the settings; no emulator)`);
		} else {
			const bc = (emulators.bigcommerce = await startBigCommerceSandbox({ port: ports.bigcommerce, seed: true, storeHash: options.sandboxStoreHash }));
			bigCommerceApi = { storeHash: bc.storeHash, accessToken: bc.accessToken, apiBaseUrl: bc.url };
			Object.assign(config, { storeHash: bc.storeHash, storefrontUrl: `${bc.url}/storefront/${bc.storeHash}/` });
			describe.push(
				`BigCommerce sandbox  API Base URL ${bc.url}  store hash ${bc.storeHash}  access token ${bc.accessToken}`,
				`                     control API ${bc.url}/_sandbox  (sandbox/bigcommerce/CONTROL_API.md)`,
			);
		}
		let brevoApi: Record<string, unknown>;
		if (settings.brevo) {
			const { apiKey, apiUrl, reportTemplateId, ownerEmail } = settings.brevo;
			brevoApi = { apiKey, baseUrl: apiUrl };
			if (reportTemplateId !== undefined) config.reportTemplateId = reportTemplateId;
			if (ownerEmail !== undefined) config.ownerEmail = ownerEmail;
			describe.push(`Brevo                your account at ${apiUrl} (from the settings; no emulator)`);
		} else {
			const brevo = (emulators.brevo = await startBrevoSandbox({ port: ports.brevo, seed: true }));
			brevoApi = { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl };
			Object.assign(config, { reportTemplateId: SANDBOX_REPORT_TEMPLATE_ID, ownerEmail: SANDBOX_OWNER_EMAIL });
			describe.push(
				`Brevo sandbox        Base URL ${brevo.apiBaseUrl}  API key ${brevo.apiKey}`,
				`                     control API ${brevo.url}/_sandbox  (sandbox/brevo/CONTROL_API.md)`,
			);
		}
		const tajoLoyaltyDatabase = { type: 'sqlite', sqlitePath: TEMPLATE_LEDGER_FILE };
		return { credentials: { bigCommerceApi, brevoApi, tajoLoyaltyDatabase }, config, emulators, describe, close };
	} catch (error) {
		await close();
		throw error;
	}
}
