import { randomUUID } from 'node:crypto';

/**
 * HTTP client for one n8n instance: the editor's REST API (`/rest`, session cookie) for what the
 * public API does not offer (node/credential types, credential tests, API keys), and the public API
 * (`/api/v1`, `X-N8N-API-KEY`) for everything a user or CI would script.
 *
 * Endpoints as in n8n 2.41.1 (packages/cli/src/...):
 * - POST /rest/login {emailOrLdapLoginId, password}                       controllers/auth.controller.ts
 * - GET  /rest/api-keys/scopes, POST /rest/api-keys {label, expiresAt, scopes}  controllers/api-keys.controller.ts
 * - GET  /types/nodes.json, /types/credentials.json                       server.ts (static type files)
 * - POST /rest/credentials/test {credentials: {id, name, type, data}}     credentials/credentials.controller.ts
 *   (TestCredentialRequestDto in @n8n/api-types; id '' tests unsaved data, allowed for users with the
 *   global scope credential:manageInstance, which the owner has — CredentialsService.testWithCredentials)
 * - GET  /rest/workflows/:id/publication-status                           workflows/workflows.controller.ts
 * - /api/v1/credentials, /workflows, /workflows/{id}/activate, /executions  public-api/v1/controllers/*
 */

export type ExecutionStatus = 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';

/** Statuses after which an execution will not change on its own. */
export const FINISHED_STATUSES: readonly ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

export interface Execution {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** Present with includeData: n8n's IRunExecutionData (resultData.runData[nodeName][run].data.main[output][item].json). */
	data?: ExecutionData;
}

export interface ExecutionData {
	resultData: {
		runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
		error?: { message?: string; description?: string };
		lastNodeExecuted?: string;
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** A workflow as exported by n8n or kept in workflows/*.json. */
export interface WorkflowJson {
	name: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	[key: string]: unknown;
}

export interface StoredWorkflow extends WorkflowJson {
	id: string;
	active: boolean;
	versionId?: string;
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: 'activated' | 'failed'; errorMessage: string | null }>;
}

export interface WebhookResponse {
	status: number;
	headers: Headers;
	/** Parsed JSON when the response is JSON, else the text. */
	body: unknown;
}

export class N8nApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(message);
		this.name = 'N8nApiError';
	}
}

interface ClientOptions {
	baseUrl: string;
	/** Appended to every error, e.g. the tail of n8n's log, so a failure explains itself. */
	describeFailure?: () => string;
	/** Per-request timeout; a wedged n8n must fail the test, not hang it. */
	requestTimeoutMs?: number;
}

export class N8nApi {
	readonly baseUrl: string;
	/** The editor checks that cookie requests come from the browser the session was issued to. */
	private readonly browserId = randomUUID();
	private cookie = '';
	private apiKey = '';
	private readonly describeFailure: () => string;
	private readonly requestTimeoutMs: number;

	constructor(options: ClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/$/, '');
		this.describeFailure = options.describeFailure ?? (() => '');
		this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
	}

	// ---- session and API key -------------------------------------------------------------

	async login(email: string, password: string): Promise<void> {
		const response = await this.send('POST', '/rest/login', { emailOrLdapLoginId: email, password }, this.cookieHeaders());
		const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
		const auth = cookies.find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw this.error('POST /rest/login answered without an n8n-auth cookie', response.status, await readBody(response));
		this.cookie = cookies.join('; ');
	}

	/**
	 * Creates a public-API key holding every scope n8n allows the logged-in user
	 * (GET /rest/api-keys/scopes = getApiKeyScopesForRole in @n8n/permissions' public-api-permissions.ee.ts),
	 * and uses it for all /api/v1 calls from then on.
	 */
	async createApiKey(label = 'e2e-harness'): Promise<{ scopes: string[] }> {
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', { label, expiresAt: null, scopes });
		this.apiKey = created.rawApiKey;
		return { scopes };
	}

	// ---- types ---------------------------------------------------------------------------

	/** Every node type n8n loaded (n8n-nodes-base.*, community packages as `<package>.<node>`, …). */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; credentials?: Array<{ name: string }> }>> {
		return await this.json('GET', '/types/nodes.json', undefined, this.cookieHeaders());
	}

	/** Every credential type n8n loaded, by its `name`. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; properties: Array<{ name: string }> }>> {
		return await this.json('GET', '/types/credentials.json', undefined, this.cookieHeaders());
	}

	// ---- credentials ---------------------------------------------------------------------

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string; type: string }> {
		return await this.publicApi('POST', '/credentials', { name, type, data });
	}

	/**
	 * Runs a credential type's test on unsaved data, exactly as the editor's "Test" button does
	 * (declarative `test` request or the node's `credentialTest` method).
	 */
	async testCredential(type: string, data: Record<string, unknown>, name = `e2e ${type}`): Promise<CredentialTestResult> {
		return await this.rest('POST', '/rest/credentials/test', { credentials: { id: '', name, type, data } });
	}

	// ---- workflows -----------------------------------------------------------------------

	/**
	 * Creates a workflow from exported JSON. Read-only fields of an export (id, active, versionId,
	 * tags, …) are dropped: the public API rejects them.
	 */
	async importWorkflow(workflow: WorkflowJson): Promise<StoredWorkflow> {
		const { name, nodes, connections, staticData } = workflow;
		const settings = workflow.settings ?? { executionOrder: 'v1' };
		const body: Record<string, unknown> = { name, nodes, connections, settings };
		if (staticData !== undefined && staticData !== null) body.staticData = staticData;
		return await this.publicApi('POST', '/workflows', body);
	}

	/**
	 * Publishes the workflow (n8n 1.x "activate"; in 2.41.1 `/activate` is an alias of `/publish`)
	 * and waits until its triggers are live. n8n 2.41.1 publishes through an outbox: the API answers
	 * `active: true` before webhooks are registered (tens of ms later), and a trigger that fails to
	 * register (e.g. a webhook the remote API refused) shows up only in the publication status. So
	 * this polls that status and throws with the triggers' error messages when publication failed.
	 */
	async activateWorkflow(id: string, options: { timeoutMs?: number } = {}): Promise<StoredWorkflow> {
		const workflow = await this.publicApi<StoredWorkflow & { activeVersionId?: string | null }>('POST', `/workflows/${id}/activate`, {});
		const version = workflow.activeVersionId ?? workflow.versionId;
		await this.waitForPublication(id, options.timeoutMs ?? 30_000, (status) => {
			if (status.status === 'failed' || status.status === 'partial') {
				const errors = status.triggers.filter((t) => t.status === 'failed').map((t) => `node ${t.nodeId}: ${t.errorMessage ?? 'no message'}`);
				throw new Error(`workflow ${id} was published but ${status.status === 'failed' ? 'no' : 'not every'} trigger started: ${errors.join('; ')}${this.describeFailure()}`);
			}
			return status.status === 'published' && (version === undefined || status.liveVersionId === version);
		});
		return workflow;
	}

	/** Unpublishes the workflow and waits until its triggers (webhooks, pollers) are removed. */
	async deactivateWorkflow(id: string, options: { timeoutMs?: number } = {}): Promise<StoredWorkflow> {
		const workflow = await this.publicApi<StoredWorkflow>('POST', `/workflows/${id}/deactivate`, {});
		await this.waitForPublication(id, options.timeoutMs ?? 30_000, (status) => status.status === 'not_published');
		return workflow;
	}

	/**
	 * Where publication stands (GET /rest/workflows/:id/publication-status,
	 * WorkflowPublicationStatusService in packages/cli/src/workflows/publication/).
	 */
	async publicationStatus(id: string): Promise<PublicationStatus> {
		return await this.rest('GET', `/rest/workflows/${id}/publication-status`);
	}

	private async waitForPublication(id: string, timeoutMs: number, done: (status: PublicationStatus) => boolean): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.publicationStatus(id);
			if (status.status !== 'in_progress' && status.pendingVersionId === null && done(status)) return;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${id}: publication did not settle within ${timeoutMs} ms; last status ${JSON.stringify(status)}${this.describeFailure()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	async getWorkflow(id: string): Promise<StoredWorkflow> {
		return await this.publicApi('GET', `/workflows/${id}`);
	}

	/**
	 * Calls a production webhook: `/webhook/<path>` for n8n's Webhook node (whose path is used
	 * as is), `/webhook/<webhookId>/<path>` for trigger nodes that do not set isFullPath.
	 */
	async callWebhook(
		webhookPath: string,
		options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
	): Promise<WebhookResponse> {
		const method = options.method ?? 'POST';
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		let body: string | undefined;
		if (options.body !== undefined) {
			body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
			headers['content-type'] ??= 'application/json';
		}
		const response = await this.fetchWithTimeout(`${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`, { method, headers, body });
		return { status: response.status, headers: response.headers, body: await readBody(response) };
	}

	// ---- executions ----------------------------------------------------------------------

	async listExecutions(filter: { workflowId?: string; status?: ExecutionStatus; includeData?: boolean; limit?: number } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ limit: String(filter.limit ?? 250) });
			if (filter.workflowId) query.set('workflowId', filter.workflowId);
			if (filter.status) query.set('status', filter.status);
			if (filter.includeData) query.set('includeData', 'true');
			if (cursor) query.set('cursor', cursor);
			const page = await this.publicApi<{ data: Execution[]; nextCursor: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = filter.limit === undefined ? (page.nextCursor ?? undefined) : undefined;
		} while (cursor);
		return all;
	}

	async getExecution(id: string, includeData = true): Promise<Execution> {
		return await this.publicApi('GET', `/executions/${id}?includeData=${includeData ? 'true' : 'false'}`);
	}

	/**
	 * Polls until the workflow has at least `count` executions in one of `statuses` (default: any
	 * finished status), and returns them oldest first. The timeout error lists what was found and
	 * the log's tail.
	 */
	async waitForExecutions(
		workflowId: string,
		options: { count?: number; timeoutMs?: number; statuses?: readonly ExecutionStatus[]; intervalMs?: number } = {},
	): Promise<Execution[]> {
		const count = options.count ?? 1;
		const statuses = options.statuses ?? FINISHED_STATUSES;
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		let seen: Execution[] = [];
		for (;;) {
			seen = await this.listExecutions({ workflowId });
			const matching = seen.filter((e) => statuses.includes(e.status)).sort((a, b) => Number(a.id) - Number(b.id));
			if (matching.length >= count) return matching;
			if (Date.now() > deadline) {
				const found = seen.map((e) => `#${e.id}:${e.status}`).join(', ') || 'none';
				throw new Error(
					`workflow ${workflowId}: expected ${count} execution(s) with status ${statuses.join('|')} within ` +
						`${options.timeoutMs ?? 60_000} ms; found ${found}${this.describeFailure()}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
		}
	}

	// ---- plumbing ------------------------------------------------------------------------

	/** Editor REST call with the session cookie; unwraps n8n's `{data: …}` envelope. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.cookie) throw new Error(`${method} ${path}: not logged in`);
		const result = await this.json<{ data: T }>(method, path, body, this.cookieHeaders());
		return result.data;
	}

	/** Public API call (`/api/v1` + path) with the API key. */
	async publicApi<T>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error(`${method} /api/v1${path}: no API key yet (call createApiKey first)`);
		return await this.json<T>(method, `/api/v1${path}`, body, { 'X-N8N-API-KEY': this.apiKey });
	}

	private cookieHeaders(): Record<string, string> {
		return { 'browser-id': this.browserId, ...(this.cookie ? { cookie: this.cookie } : {}) };
	}

	private async json<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<T> {
		const response = await this.send(method, path, body, headers);
		return (await readBody(response)) as T;
	}

	private async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
		const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
		if (body !== undefined) {
			init.body = JSON.stringify(body);
			(init.headers as Record<string, string>)['content-type'] = 'application/json';
		}
		let response: Response;
		try {
			response = await this.fetchWithTimeout(`${this.baseUrl}${path}`, init);
		} catch (error) {
			throw new Error(`${method} ${path} failed: ${(error as Error).message}${this.describeFailure()}`);
		}
		if (!response.ok) {
			const errorBody = await readBody(response);
			const detail = typeof errorBody === 'string' ? errorBody : JSON.stringify(errorBody);
			throw this.error(`${method} ${path} → HTTP ${response.status}: ${detail.slice(0, 2000)}`, response.status, errorBody);
		}
		return response;
	}

	private async fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
		return await fetch(url, { ...init, signal: AbortSignal.timeout(this.requestTimeoutMs) });
	}

	private error(message: string, status: number, body: unknown): N8nApiError {
		return new N8nApiError(`${message}${this.describeFailure()}`, status, body);
	}
}

async function readBody(response: Response): Promise<unknown> {
	const text = await response.text();
	if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	return text;
}
