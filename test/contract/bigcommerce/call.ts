import { Router } from '../../../sandbox/http/router';
import type { BigCommerceSandbox } from '../../../sandbox/bigcommerce';
import { expectResponseMatchesSpec, loadSpec } from '../lib';

const REF = 'bigcommerce/current/reference';

/** Which BigCommerce description covers an emulator path (below /stores/{hash}). */
const SPEC_BY_PATH: [RegExp, string][] = [
	[/^\/v3\/customers/, `${REF}/customers.v3.yml`],
	[/^\/v2\/(customers|customer_groups)/, `${REF}/customers.v2.yml`],
	[/^\/v2\/(orders|order_statuses)/, `${REF}/orders.v2.oas2.yml`],
	[/^\/v3\/orders/, `${REF}/orders.v3.yml`],
	[/^\/v3\/carts/, `${REF}/carts.v3.yml`],
	[/^\/v3\/abandoned-carts/, `${REF}/abandoned_carts.v3.yml`],
	[/^\/v3\/catalog\/products\/[^/]+\/variants/, `${REF}/catalog/product-variants_catalog.v3.yml`],
	[/^\/v3\/catalog\/products/, `${REF}/catalog/products_catalog.v3.yml`],
	[/^\/v3\/channels/, `${REF}/channels.v3.yml`],
	[/^\/v3\/promotions/, `${REF}/promotions.v3.yml`],
	[/^\/v3\/hooks/, `${REF}/webhooks.v3.yml`],
];

export function specFor(path: string): string {
	const hit = SPEC_BY_PATH.find(([re]) => re.test(path));
	if (!hit) throw new Error(`No BigCommerce description is mapped for ${path}`);
	return hit[1];
}

/**
 * What an answer is checked against:
 * - 'spec': the operation's response schema for that status in the BigCommerce description;
 * - 'error-shape': an answer the description does not declare for this operation (gateway
 *   errors, v2 errors on operations that list only their success) — BigCommerce's error format only
 *   (v2 `[{status, message}]`, v3 `{status, title, type}`; a 429 is the documented v3 body on both);
 * - 'no-body': an answer the description does not declare and that has no body (v2 empty pages).
 */
export type Against = 'spec' | 'error-shape' | 'no-body';

/** Parsed JSON as the tests read it: plain field access, the schema check validates the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
	status: number;
	body: Json;
	headers: Record<string, string>;
}

/** Sends a request to the store API, checks the status and the answer, and records the route it hit. */
export class ContractClient {
	readonly exercised = new Set<string>();
	/** One single-route router per emulated route, to name the route a request hit. */
	private readonly matchers: { route: string; router: Router }[];

	constructor(private readonly sandbox: BigCommerceSandbox) {
		this.matchers = sandbox.apiRoutes().map((r) => ({ route: `${r.method} ${r.path}`, router: new Router().add(r.method, r.path, () => ({ status: 200 })) }));
	}

	private routeOf(method: string, path: string): string | undefined {
		const bare = path.split('?')[0];
		return this.matchers.find((m) => 'handler' in m.router.match(method, bare))?.route;
	}

	/**
	 * `knownDeviation` rewrites a copy of the answer before the schema check, for a field where the
	 * emulator deliberately follows the live API (and the description's own example) over its schema.
	 */
	async call(
		method: string,
		path: string,
		options: { body?: unknown; status: number; against?: Against; token?: string | null; knownDeviation?: (body: Json) => void },
	): Promise<Answer> {
		const headers: Record<string, string> = { Accept: 'application/json' };
		const token = options.token === undefined ? this.sandbox.accessToken : options.token;
		if (token !== null) headers['X-Auth-Token'] = token;
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const res = await fetch(`${this.sandbox.apiBase(path.startsWith('/v2') ? 'v2' : 'v3').replace(/\/v[23]$/, '')}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const text = await res.text();
		const answer: Answer = { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: text === '' ? undefined : JSON.parse(text) };
		if (answer.status !== options.status) throw new Error(`${method} ${path}: expected ${options.status}, got ${answer.status}: ${text.slice(0, 400)}`);
		const route = this.routeOf(method, path);
		if (route) this.exercised.add(route);
		const against = options.against ?? 'spec';
		if (against === 'spec') {
			const body = structuredClone(answer.body);
			options.knownDeviation?.(body);
			expectResponseMatchesSpec(loadSpec(specFor(path)), {
				method,
				path: `/stores/${this.sandbox.storeHash}${path}`,
				status: answer.status,
				body,
				headers: answer.headers,
			});
		} else if (against === 'no-body') {
			expect(answer.body).toBeUndefined();
		} else if (path.startsWith('/v2') && answer.status !== 429) {
			expect(answer.body).toEqual([{ status: answer.status, message: expect.any(String) }]);
		} else {
			expect(answer.body).toEqual(expect.objectContaining({ status: answer.status, title: expect.any(String), type: expect.any(String) }));
		}
		return answer;
	}
}
