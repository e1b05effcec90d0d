import { createHash } from 'node:crypto';
import { SandboxClock } from '../clock';
import type { SandboxRequest, SandboxResponse } from '../http/router';
import { startServer, type RunningServer } from '../http/server';
import { Timeline } from './core/timeline';
import { handleApiRequest } from './http/apiPipeline';
import { ApiRoutes } from './http/apiRoutes';
import { FaultInjector } from './http/faults';
import { RateLimiter } from './http/rateLimiter';
import { TokenRegistry } from './http/tokens';
import { storefrontCartPage } from './resources/carts/storefrontPage';
import { registerAllApiRoutes } from './resources/registerAllApiRoutes';
import type { StoreContext } from './store/StoreContext';
import { StoreState } from './store/StoreState';
import { channelEventFor } from './webhooks/channelEvents';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface BigCommerceSandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 'sandbox1'. */
	storeHash?: string;
	/** X-Auth-Token of the default API account; default 'sandbox-token'. */
	accessToken?: string;
	/** Client id of that account (hooks are scoped to it); default 'sandbox-client'. */
	clientId?: string;
	/** Numeric store id sent as `store_id` in webhooks; derived from the store hash by default. */
	storeId?: string;
	/** Speed of schedule time: 1000 turns a 60 s webhook retry into 60 ms. Default 1. */
	timeScale?: number;
	/** Rate-limit window (emulated ms, default 30 000) and quota (default 150). */
	rateLimit?: { windowMs?: number; quota?: number };
	/** Seed the sample store (default false). */
	seed?: boolean;
	/** Real ms a webhook destination has to answer (default 10 000). */
	webhookTimeoutMs?: number;
	/** Idle time (emulated ms) before store/cart/abandoned fires by itself; null turns it off. Default one hour. */
	cartAbandonAfterMs?: number | null;
	/**
	 * Storefront base URL used in cart redirect URLs and line-item URLs, e.g.
	 * https://store-abc.mybigcommerce.com. Default: the emulator's own stand-in storefront page
	 * (`{url}/storefront/{storeHash}`), so that links open something in the demo.
	 */
	storefrontUrl?: string;
}

const CONTROL_PREFIX = '/_sandbox';
const STOREFRONT_PATH = /^\/storefront\/([^/]+)\/cart\.php$/;

/**
 * The emulator's moving parts wired together: data, time, tokens, quota, faults, webhook delivery,
 * the API routes and the HTTP server. The control methods live in BigCommerceSandbox.
 */
export abstract class SandboxEngine {
	readonly storeHash: string;
	readonly accessToken: string;
	readonly clientId: string;
	readonly storeId: string;
	readonly clock: SandboxClock;
	readonly timeline: Timeline;
	readonly state: StoreState;
	readonly tokens = new TokenRegistry();
	readonly rateLimiter: RateLimiter;
	readonly faults = new FaultInjector();
	readonly webhooks: WebhookDispatcher;
	readonly ctx: StoreContext;
	protected cartAbandonAfter: number | null;
	private readonly routes = new ApiRoutes();
	private server: RunningServer | undefined;
	private baseUrl = 'http://127.0.0.1';

	constructor(options: BigCommerceSandboxOptions = {}) {
		this.storeHash = options.storeHash ?? 'sandbox1';
		this.accessToken = options.accessToken ?? 'sandbox-token';
		this.clientId = options.clientId ?? 'sandbox-client';
		this.storeId = options.storeId ?? String(parseInt(createHash('sha1').update(this.storeHash).digest('hex').slice(0, 7), 16) + 1_000_000_000);
		this.clock = new SandboxClock(options.timeScale ?? 1);
		this.timeline = new Timeline(this.clock);
		this.state = new StoreState(() => this.clock.nowMs());
		this.tokens.register(this.accessToken, this.clientId);
		this.rateLimiter = new RateLimiter(this.timeline, { windowMs: options.rateLimit?.windowMs ?? 30_000, quota: options.rateLimit?.quota ?? 150 });
		this.cartAbandonAfter = options.cartAbandonAfterMs === undefined ? 60 * 60 * 1000 : options.cartAbandonAfterMs;
		this.webhooks = new WebhookDispatcher({
			timeline: this.timeline,
			nowMs: () => this.clock.nowMs(),
			storeId: this.storeId,
			storeHash: this.storeHash,
			hooks: () => this.state.hooks.values(),
			hook: (id) => this.state.hooks.get(id),
			duplicateCopies: () => this.faults.takeDuplicateCopies(),
			deactivate: (hook) => {
				hook.is_active = false;
				hook.updated_at = Math.floor(this.clock.nowMs() / 1000);
			},
			channelEvent: (draft) =>
				channelEventFor(draft, {
					cartChannel: (id) => this.state.carts.get(id)?.channel_id,
					orderChannel: (id) => this.state.orders.get(id)?.channel_id,
				}),
		});
		if (options.webhookTimeoutMs !== undefined) this.webhooks.settings.timeoutMs = options.webhookTimeoutMs;
		this.ctx = {
			state: this.state,
			storeHash: this.storeHash,
			now: () => this.clock.nowMs(),
			timeline: this.timeline,
			emit: (draft) => void this.webhooks.publish(draft),
			baseUrl: () => this.baseUrl,
			storefrontUrl: () => options.storefrontUrl?.replace(/\/+$/, '') ?? `${this.baseUrl}/storefront/${this.storeHash}`,
			cartAbandonAfterMs: () => this.cartAbandonAfter,
		};
		registerAllApiRoutes(this.routes, this.ctx, () => this.apiBase('v2'));
	}

	/** What a user puts in the credential's "API Base URL", e.g. http://127.0.0.1:4010. */
	get url(): string {
		return this.baseUrl;
	}

	get port(): number {
		return this.server?.port ?? 0;
	}

	/** Every emulated API route (method and template below /stores/{hash}, e.g. GET /v3/carts/{id}). */
	apiRoutes(): { method: string; path: string }[] {
		return this.routes.registered.map((r) => ({ ...r }));
	}

	/** e.g. http://127.0.0.1:4010/stores/sandbox1/v3 */
	apiBase(version: 'v2' | 'v3'): string {
		return `${this.baseUrl}/stores/${this.storeHash}/${version}`;
	}

	async listen(port = 0): Promise<void> {
		this.server = await startServer((req) => this.handle(req), port);
		this.baseUrl = this.server.url;
	}

	async close(): Promise<void> {
		this.timeline.close();
		this.webhooks.reset();
		await this.server?.close();
		this.server = undefined;
	}

	/** Every HTTP request: control API, the tiny storefront page, or the store API. */
	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		if (req.path === CONTROL_PREFIX || req.path.startsWith(`${CONTROL_PREFIX}/`)) return this.handleControl(req);
		const storefront = STOREFRONT_PATH.exec(req.path);
		if (storefront && storefront[1] === this.storeHash && req.method === 'GET') return storefrontCartPage(this.ctx, req);
		return handleApiRequest({ storeHash: this.storeHash, tokens: this.tokens, rateLimiter: this.rateLimiter, faults: this.faults, routes: this.routes }, req);
	}

	protected abstract handleControl(req: SandboxRequest): Promise<SandboxResponse>;
}
