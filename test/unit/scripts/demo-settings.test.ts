// `npm start` with a real store: the settings from tajo.config.json and the environment, and the
// errors a user sees when they are incomplete or wrong (each naming the field and its variable).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoSettingsError, loadDemoSettings, parseDemoSettings } from '../../../scripts/demo/demo-settings';

const FULL_ENV = {
	TAJO_BIGCOMMERCE_STORE_HASH: 'abc123',
	TAJO_BIGCOMMERCE_ACCESS_TOKEN: 'token-1',
	TAJO_BREVO_API_KEY: 'xkeysib-1',
};

function errorOf(work: () => unknown): string {
	try {
		work();
	} catch (error) {
		expect(error).toBeInstanceOf(DemoSettingsError);
		return (error as Error).message;
	}
	throw new Error('expected the settings to be refused');
}

describe('parseDemoSettings', () => {
	it('without a file or variables: both services from the emulators, n8n on 5678', () => {
		expect(parseDemoSettings(undefined, {})).toEqual({ n8n: { port: 5678 } });
	});

	it('from the environment: the real services with the vendors\' API addresses by default', () => {
		expect(parseDemoSettings(undefined, FULL_ENV)).toEqual({
			bigcommerce: { storeHash: 'abc123', accessToken: 'token-1', apiUrl: 'https://api.bigcommerce.com' },
			brevo: { apiKey: 'xkeysib-1', apiUrl: 'https://api.brevo.com/v3' },
			n8n: { port: 5678 },
		});
	});

	it('one service alone: only Brevo real, BigCommerce left to its emulator', () => {
		const settings = parseDemoSettings(undefined, { TAJO_BREVO_API_KEY: 'xkeysib-2', TAJO_BREVO_REPORT_TEMPLATE_ID: '12', TAJO_OWNER_EMAIL: 'me@shop.example' });
		expect(settings.bigcommerce).toBeUndefined();
		expect(settings.brevo).toEqual({ apiKey: 'xkeysib-2', apiUrl: 'https://api.brevo.com/v3', reportTemplateId: 12, ownerEmail: 'me@shop.example' });
	});

	it('from the file, with the environment winning field by field; URLs lose their trailing slash', () => {
		const file = {
			bigcommerce: { storeHash: 'fromfile', accessToken: 'file-token', apiUrl: 'https://proxy.example/bc/', storefrontUrl: 'https://shop.example/' },
			n8n: { port: 5700, webhookUrl: 'https://tunnel.example/' },
		};
		const settings = parseDemoSettings(file, { TAJO_BIGCOMMERCE_ACCESS_TOKEN: 'env-token' });
		expect(settings).toEqual({
			bigcommerce: { storeHash: 'fromfile', accessToken: 'env-token', apiUrl: 'https://proxy.example/bc', storefrontUrl: 'https://shop.example' },
			n8n: { port: 5700, webhookUrl: 'https://tunnel.example' },
		});
	});

	it('a service given in part names every missing field and the variable that sets it', () => {
		const message = errorOf(() => parseDemoSettings(undefined, { TAJO_BIGCOMMERCE_API_URL: 'https://api.bigcommerce.com' }));
		expect(message).toContain('bigcommerce.storeHash (TAJO_BIGCOMMERCE_STORE_HASH or tajo.config.json): is missing');
		expect(message).toContain('bigcommerce.accessToken (TAJO_BIGCOMMERCE_ACCESS_TOKEN or tajo.config.json): is missing');
	});

	it('says what is wrong with a value, naming the file it came from', () => {
		const message = errorOf(() =>
			parseDemoSettings({ bigcommerce: { storeHash: 'stores/abc', accessToken: 'x', apiUrl: 'api.bigcommerce.com' }, brevo: { apiKey: 'k', ownerEmail: 'nobody' } }, {}, 'shop.json'),
		);
		expect(message).toContain('bigcommerce.storeHash (TAJO_BIGCOMMERCE_STORE_HASH or shop.json): must be the store hash from the API path');
		expect(message).toContain('bigcommerce.apiUrl (TAJO_BIGCOMMERCE_API_URL or shop.json): must be a URL');
		expect(message).toContain('brevo.ownerEmail (TAJO_OWNER_EMAIL or shop.json): must be an email address');
		// One line per field, however many of its checks fail.
		expect(message.match(/bigcommerce\.apiUrl/g)).toHaveLength(1);
	});

	it('refuses unknown fields (a typo must not be ignored) and values of the wrong type', () => {
		expect(errorOf(() => parseDemoSettings({ brevo: { apikey: 'k' } }, {}))).toContain('brevo (tajo.config.json): has unknown field(s) "apikey"');
		expect(errorOf(() => parseDemoSettings({ shopify: {} }, {}))).toContain('has unknown field(s) "shopify"');
		expect(errorOf(() => parseDemoSettings({ brevo: { apiKey: 42 } }, {}))).toContain('brevo.apiKey (TAJO_BREVO_API_KEY or tajo.config.json): must be a string, not a number');
		expect(errorOf(() => parseDemoSettings(undefined, { TAJO_DEMO_PORT: 'eighty' }))).toContain('TAJO_DEMO_PORT (n8n.port): must be a whole number, not "eighty"');
		expect(errorOf(() => parseDemoSettings([1, 2], {}))).toContain('tajo.config.json must hold a JSON object');
	});

	it('ignores empty variables, as if they were not set', () => {
		expect(parseDemoSettings(undefined, { TAJO_BREVO_API_KEY: '  ', TAJO_DEMO_PORT: '' })).toEqual({ n8n: { port: 5678 } });
	});
});

describe('loadDemoSettings', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'tajo-settings-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('reads tajo.config.json from the working folder when there is one', () => {
		writeFileSync(path.join(dir, 'tajo.config.json'), JSON.stringify({ brevo: { apiKey: 'xkeysib-file' } }));
		expect(loadDemoSettings({}, dir).brevo?.apiKey).toBe('xkeysib-file');
		expect(loadDemoSettings({}, mkdtempSync(path.join(dir, 'empty-')))).toEqual({ n8n: { port: 5678 } });
	});

	it('reads the file TAJO_CONFIG names, and says so when it does not exist or is not JSON', () => {
		writeFileSync(path.join(dir, 'store-a.json'), JSON.stringify({ bigcommerce: { storeHash: 'storea', accessToken: 't' } }));
		expect(loadDemoSettings({ TAJO_CONFIG: 'store-a.json' }, dir).bigcommerce?.storeHash).toBe('storea');
		expect(errorOf(() => loadDemoSettings({ TAJO_CONFIG: 'store-b.json' }, dir))).toBe(`TAJO_CONFIG names ${path.join(dir, 'store-b.json')}, which does not exist`);
		writeFileSync(path.join(dir, 'tajo.config.json'), '{ "brevo": ');
		expect(errorOf(() => loadDemoSettings({}, dir))).toMatch(/^tajo\.config\.json is not valid JSON: /);
	});
});
