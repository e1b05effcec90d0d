// Template 9, product catalog sync (issue 6), end to end in real n8n 2.41.1 with the package
// installed from its tarball, against the BigCommerce and Brevo emulators: the file imports with
// `n8n import:workflow` and through the public API (credentials bound by name); activated, it
// registers the product hooks; a product created or changed in BigCommerce reaches Brevo's catalog
// with its variants; the hourly full sync, run as the editor's "Execute workflow" runs it, puts
// every product of the store in Brevo, and running it again changes nothing.
import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { startBrevoSandbox, type BrevoSandbox } from '../../../sandbox/brevo';
import { nodeOutput, startN8n, type N8nInstance, type StoredWorkflow } from '../../harness';
import {
	bindCredentials,
	configOf,
	credentialBindings,
	expectBindsByName,
	expectCliImportAsIs,
	loadTemplate,
	nodesRun,
	runFromTrigger,
	TEMPLATE_CREDENTIAL_NAMES,
	templateProblems,
	waitForExecution,
	withConfig,
	withNodeParameters,
} from '../../harness/templates';

const FILE = 'product-catalog-sync.json';
const TRIGGER = 'Product created or updated';
const SCHEDULE = 'Every hour';

type Json = Record<string, unknown>;
interface BcImage {
	is_thumbnail: boolean;
	url_standard: string;
}
interface BcVariant {
	id: number;
	sku: string;
	calculated_price: number;
	inventory_level: number;
	image_url: string;
	option_values: Array<{ label: string; option_display_name: string }>;
}
interface BcProduct {
	id: number;
	name: string;
	sku: string;
	description: string;
	calculated_price: number;
	categories: number[];
	inventory_level: number;
	custom_url: { url: string };
	images: BcImage[];
	variants: BcVariant[];
	custom_fields: Array<{ name: string; value: string }>;
}

const fileStarted = Date.now();
const template = loadTemplate(FILE);
let n8n: N8nInstance;
let bc: BigCommerceSandbox;
let brevo: BrevoSandbox;
let credentials: { bigCommerceApi: { id: string; name: string }; brevoApi: { id: string; name: string } };
let storefrontUrl: string;
let workflow: StoredWorkflow;
/** Executions of the activated workflow seen so far (each test waits for its own on top). */
let executionsSoFar = 0;
const timings: string[] = [];

beforeAll(async () => {
	const started = await Promise.allSettled([startN8n(), startBigCommerceSandbox({ seed: true }), startBrevoSandbox()]);
	const [n8nResult, bcResult, brevoResult] = started;
	if (n8nResult.status === 'fulfilled') n8n = n8nResult.value;
	if (bcResult.status === 'fulfilled') bc = bcResult.value;
	if (brevoResult.status === 'fulfilled') brevo = brevoResult.value;
	const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failure) throw failure.reason;
	// The names templates refer to, as `npm start` creates them.
	credentials = {
		bigCommerceApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.bigCommerceApi, 'bigCommerceApi', {
			storeHash: bc.storeHash,
			accessToken: bc.accessToken,
			apiBaseUrl: bc.url,
		}),
		brevoApi: await n8n.createCredential(TEMPLATE_CREDENTIAL_NAMES.brevoApi, 'brevoApi', { apiKey: brevo.apiKey, baseUrl: brevo.apiBaseUrl }),
	};
	// The emulator's stand-in storefront (product paths are below it).
	storefrontUrl = `${bc.url}/storefront/${bc.storeHash}/`;
}, 15 * 60_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), bc?.close(), brevo?.close()]);
	if (n8n) {
		process.stdout.write(
			`[template product-catalog-sync e2e] whole file ${((Date.now() - fileStarted) / 1000).toFixed(1)} s; ` +
				`n8n start-up ${(n8n.timings.totalMs / 1000).toFixed(1)} s; ${timings.join('; ')}\n`,
		);
	}
}, 60_000);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
}

// ---- what Brevo should hold, worked out here from BigCommerce's data and the mapping ------------

/** Every product of the store as BigCommerce's API shows it, with what the template reads. */
async function storeProducts(): Promise<BcProduct[]> {
	const response = await fetch(`${bc.url}/stores/${bc.storeHash}/v3/catalog/products?include=variants,images,custom_fields&limit=250`, {
		headers: { 'X-Auth-Token': bc.accessToken, accept: 'application/json' },
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { data: BcProduct[] }).data;
}

/** Brevo drops empty fields; so does this. */
function withoutEmpty(record: Json): Json {
	return Object.fromEntries(
		Object.entries(record).filter(
			([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0),
		),
	);
}

/** The mapping of the sticky note "What Brevo gets", restated independently of the template. */
function expectedCatalog(product: BcProduct): Json[] {
	const thumbnail = (product.images.find((image) => image.is_thumbnail) ?? product.images[0])?.url_standard;
	const url = storefrontUrl.replace(/\/+$/, '') + product.custom_url.url;
	const categories = product.categories.map(String);
	const main = withoutEmpty({
		id: String(product.id),
		name: product.name,
		url,
		imageUrl: thumbnail,
		sku: product.sku,
		price: product.calculated_price,
		categories,
		stock: product.inventory_level,
		description: product.description.replace(/<\/?(p|div|br|li|h\d)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim(),
		metaInfo: Object.fromEntries(product.custom_fields.map((field) => [field.name, field.value])),
	});
	const variants = product.variants
		.filter((variant) => variant.option_values.length > 0)
		.map((variant) =>
			withoutEmpty({
				id: `${product.id}-${variant.id}`,
				name: `${product.name} (${variant.option_values.map((option) => option.label).join(', ')})`,
				url,
				imageUrl: variant.image_url || thumbnail,
				sku: variant.sku,
				price: variant.calculated_price,
				categories,
				parentId: String(product.id),
				stock: variant.inventory_level,
				metaInfo: Object.fromEntries(variant.option_values.map((option) => [option.option_display_name, option.label])),
			}),
		);
	return [main, ...variants];
}

const CATALOG_FIELDS = ['id', 'name', 'url', 'imageUrl', 'sku', 'price', 'categories', 'parentId', 'stock', 'description', 'metaInfo'];

/** Brevo's catalog, by product ID, with the fields the mapping sets (not Brevo's timestamps). */
function brevoCatalog(): Map<string, Json> {
	const catalog = new Map<string, Json>();
	for (const record of brevo.products() as unknown as Json[]) {
		catalog.set(String(record.id), Object.fromEntries(CATALOG_FIELDS.filter((f) => record[f] !== undefined).map((f) => [f, record[f]])));
	}
	return catalog;
}

/** Waits for the next `count` executions of the workflow and returns them with their data. */
async function nextExecutions(count = 1) {
	const all = await n8n.waitForExecutions(workflow.id, { count: executionsSoFar + count, timeoutMs: 60_000 });
	const fresh = all.slice(executionsSoFar, executionsSoFar + count);
	executionsSoFar += count;
	return await Promise.all(fresh.map((e) => n8n.getExecution(e.id, true)));
}

// ---- the tests -------------------------------------------------------------------------------

describe('the product catalog sync template', () => {
	it('follows the template conventions', () => {
		expect(templateProblems(template)).toEqual([]);
		expect(configOf(template)).toEqual({ storefrontUrl: '', brevoBatchSize: 100 });
	});

	it('imports with `n8n import:workflow --input=<file>` as it is, credentials bound by their names', async () => {
		const imported = await timed('CLI import', () => expectCliImportAsIs(n8n.toolchain, FILE, { bigCommerce: bc.url, brevo: brevo.apiBaseUrl }));
		const bound = Object.fromEntries(credentialBindings(imported));
		const bcRef = { bigCommerceApi: { id: 'cliBigCommerce01', name: 'BigCommerce' } };
		const brevoRef = { brevoApi: { id: 'cliBrevo00000001', name: 'Brevo' } };
		expect(bound).toEqual({ [TRIGGER]: bcRef, 'Get the product': bcRef, 'Get all products': bcRef, 'Products to Brevo': brevoRef, 'Variants to Brevo': brevoRef });
	});

	it('imported through the public API as it is, binds its credentials by their names', async () => {
		const stored = await expectBindsByName(n8n, template, credentials);
		const bcRef = { bigCommerceApi: { id: credentials.bigCommerceApi.id, name: 'BigCommerce' } };
		const brevoRef = { brevoApi: { id: credentials.brevoApi.id, name: 'Brevo' } };
		expect(credentialBindings(stored)).toEqual([
			[TRIGGER, bcRef],
			['Get the product', bcRef],
			['Get all products', bcRef],
			['Products to Brevo', brevoRef],
			['Variants to Brevo', brevoRef],
		]);
	});

	it('activated, registers one hook per product event in BigCommerce', async () => {
		const prepared = bindCredentials(withConfig(template, { storefrontUrl }), credentials);
		workflow = await n8n.importWorkflow(prepared);
		await timed('activation', () => n8n.activateWorkflow(workflow.id));
		const webhookId = template.nodes.find((n) => n.name === TRIGGER)!.webhookId as string;
		const hooks = (bc.allHooks() as Array<{ scope: string; destination: string; is_active: boolean }>).filter((hook) => hook.destination.includes(webhookId));
		expect(hooks.map((hook) => ({ scope: hook.scope, active: hook.is_active })).sort((a, b) => a.scope.localeCompare(b.scope))).toEqual([
			{ scope: 'store/product/created', active: true },
			{ scope: 'store/product/updated', active: true },
		]);
		// The hourly schedule is a live trigger too.
		const status = await n8n.publicationStatus(workflow.id);
		const scheduleId = template.nodes.find((n) => n.name === SCHEDULE)!.id;
		expect(status.triggers).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: scheduleId, status: 'activated' })]));
	});

	it('a product changed in BigCommerce reaches Brevo with its variants, images and custom fields', async () => {
		const changed = bc.updateProduct(1, { name: 'Organic Cotton T-Shirt (2026 cut)', price: '27.00', inventory_level: 55 }) as unknown as BcProduct;
		await bc.idle();
		const [execution] = await timed('product updated → Brevo', () => nextExecutions(1));
		expect(execution.status).toBe('success');
		expect(nodesRun(execution)).toEqual([TRIGGER, 'Config', 'Product event?', 'Get the product', 'Products to Brevo', 'Split out variants', 'Variants with options', 'Variants to Brevo']);
		expect(nodeOutput(execution, TRIGGER)[0]).toEqual(expect.objectContaining({ event: 'product.updated', product_id: 1 }));

		const expected = expectedCatalog(changed);
		// The T-shirt and its three sizes: the test data must keep exercising variants, images and custom fields.
		expect(expected.map((r) => r.id)).toEqual(['1', '1-1', '1-2', '1-3']);
		expect(expected[0]).toEqual(
			expect.objectContaining({
				name: 'Organic Cotton T-Shirt (2026 cut)',
				price: 27,
				sku: 'TSHIRT',
				categories: ['18', '21'],
				imageUrl: expect.stringMatching(/^https:\/\/cdn11\.bigcommerce\.com\/.*tshirt-front\.jpg$/),
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storefront\/sandbox1\/organic-cotton-t-shirt-2026-cut\/$/),
				metaInfo: { Material: 'Organic cotton', 'Made in': 'Portugal' },
			}),
		);
		const catalog = brevoCatalog();
		expect(expected.map((r) => catalog.get(String(r.id)))).toEqual(expected);
		expect(catalog.size).toBe(expected.length);
	});

	it('a product created in BigCommerce is added to Brevo', async () => {
		const created = bc.createProduct({
			name: 'Linen Apron',
			sku: 'APRON',
			price: '32.00',
			sale_price: '28.00',
			categories: [23],
			inventory_level: 12,
			inventory_tracking: 'product',
			description: '<p>Washed <b>linen</b>.</p><p>Made in Lisbon.</p>',
			images: [{ image_url: 'https://cdn11.bigcommerce.com/sample/apron.jpg' }],
			custom_fields: [{ name: 'Care', value: 'Machine wash' }],
		}) as unknown as BcProduct;
		await bc.idle();
		const [execution] = await timed('product created → Brevo', () => nextExecutions(1));
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, TRIGGER)[0]).toEqual(expect.objectContaining({ event: 'product.created', product_id: created.id }));
		// A product without options has no variant entries: the variant branch stops at the filter.
		expect(nodesRun(execution)).not.toContain('Variants to Brevo');
		const expected = expectedCatalog(created);
		expect(expected).toEqual([expect.objectContaining({ id: String(created.id), price: 28, description: 'Washed linen. Made in Lisbon.', metaInfo: { Care: 'Machine wash' } })]);
		expect(brevoCatalog().get(String(created.id))).toEqual(expected[0]);
	});

	it('the hourly full sync puts every product of the store in Brevo, and running it again changes nothing', async () => {
		brevo.reset(); // an empty catalog: everything below comes from the full sync
		const products = await storeProducts();
		expect(products.length).toBeGreaterThanOrEqual(7); // six seeded products and the one created above
		const expected = products.flatMap(expectedCatalog);

		const firstId = await runFromTrigger(n8n, workflow.id, SCHEDULE);
		const first = await timed('full sync #1', () => waitForExecution(n8n, firstId));
		expect(first.status).toBe('success');
		expect(first.mode).toBe('manual');
		expect(nodesRun(first)).toEqual([SCHEDULE, 'Config', 'Product event?', 'Get all products', 'Products to Brevo', 'Split out variants', 'Variants with options', 'Variants to Brevo']);
		expect(nodeOutput(first, 'Get all products')).toHaveLength(products.length);
		const catalog = brevoCatalog();
		expect([...catalog.keys()].sort()).toEqual(expected.map((r) => String(r.id)).sort());
		for (const record of expected) expect(catalog.get(String(record.id))).toEqual(record);
		// One batch request per Brevo node (seven products, five variants with options).
		const batches = brevo.received({ method: 'POST', path: '/v3/products/batch' }) as unknown as Array<{ status: number }>;
		expect(batches.map((b) => b.status)).toEqual([201, 201]);

		const secondId = await runFromTrigger(n8n, workflow.id, SCHEDULE);
		const second = await timed('full sync #2', () => waitForExecution(n8n, secondId));
		expect(second.status).toBe('success');
		expect(brevoCatalog()).toEqual(catalog);
		// Brevo reports the second run as updates only.
		const report = (node: string) => nodeOutput(second, node)[0].batch as Json;
		expect(report('Products to Brevo')).toEqual(expect.objectContaining({ createdCount: 0, updatedCount: products.length }));
		expect(report('Variants to Brevo')).toEqual(expect.objectContaining({ createdCount: 0, updatedCount: expected.length - products.length }));
	});

	it('on its schedule the full sync runs by itself (schedule shortened for the test); deactivated, it removes its hooks', async () => {
		await n8n.deactivateWorkflow(workflow.id);
		expect((bc.allHooks() as Array<{ destination: string }>).filter((hook) => hook.destination.includes(String(workflow.id)))).toEqual([]);
		const webhookId = template.nodes.find((n) => n.name === TRIGGER)!.webhookId as string;
		expect((bc.allHooks() as Array<{ destination: string }>).filter((hook) => hook.destination.includes(webhookId))).toEqual([]);

		// The same template with "Every hour" firing every 2 seconds: a trigger-mode execution, as the hourly one.
		const everyTwoSeconds = withNodeParameters(template, SCHEDULE, { rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] } });
		const scheduled = await n8n.importWorkflow(bindCredentials(withConfig(everyTwoSeconds, { storefrontUrl }), credentials));
		await n8n.activateWorkflow(scheduled.id);
		try {
			const [run] = await timed('scheduled full sync', () => n8n.waitForExecutions(scheduled.id, { count: 1, timeoutMs: 30_000 }));
			const execution = await n8n.getExecution(run.id, true);
			expect({ status: execution.status, mode: execution.mode }).toEqual({ status: 'success', mode: 'trigger' });
			expect(nodesRun(execution)).toContain('Get all products');
			expect(nodeOutput(execution, 'Products to Brevo')[0].batch).toEqual(expect.objectContaining({ createdCount: 0 }));
		} finally {
			await n8n.deactivateWorkflow(scheduled.id);
		}
	});
});
