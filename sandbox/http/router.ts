import type { IncomingMessage, ServerResponse } from 'node:http';

/** One parsed request, as every emulator route sees it. */
export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/stores/abc/v3/customers`. */
	path: string;
	params: Record<string, string>;
	/** Query values; a key given several times keeps every value in order. */
	query: Record<string, string[]>;
	headers: IncomingMessage['headers'];
	/** Parsed JSON body, `undefined` when there was none. Invalid JSON is answered 400 before routing. */
	body: unknown;
	rawBody: string;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Serialised as JSON unless it is a string; omitted for 204. */
	body?: unknown;
	/** Delay the answer by this many milliseconds (fault injection: slow answers). */
	delayMs?: number;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

/** First value of a query parameter, or undefined. */
export function q(req: SandboxRequest, key: string): string | undefined {
	return req.query[key]?.[0];
}

/** A tiny method + path router with `{name}` placeholders; no dependency beyond node:http. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, template: string, handler: Handler): this {
		const keys: string[] = [];
		const source = template
			.split('/')
			.map((segment) =>
				segment.replace(/\{(\w+)\}/g, (_m, key: string) => {
					keys.push(key);
					return '([^/]+)';
				}),
			)
			.join('/');
		this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), keys, handler });
		return this;
	}

	get(t: string, h: Handler) { return this.add('GET', t, h); }
	post(t: string, h: Handler) { return this.add('POST', t, h); }
	put(t: string, h: Handler) { return this.add('PUT', t, h); }
	delete(t: string, h: Handler) { return this.add('DELETE', t, h); }

	/** Finds the route for a request; `methodMismatch` tells a 405 from a 404. */
	match(method: string, path: string): { handler: Handler; params: Record<string, string> } | { methodMismatch: boolean } {
		let methodMismatch = false;
		for (const route of this.routes) {
			const m = route.pattern.exec(path);
			if (!m) continue;
			if (route.method !== method) {
				methodMismatch = true;
				continue;
			}
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
			return { handler: route.handler, params };
		}
		return { methodMismatch };
	}
}

export async function readRequest(req: IncomingMessage): Promise<{ rawBody: string; path: string; query: Record<string, string[]> }> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const query: Record<string, string[]> = {};
	for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
	return { rawBody: Buffer.concat(chunks).toString('utf8'), path: url.pathname, query };
}

export function writeResponse(res: ServerResponse, response: SandboxResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: string | undefined;
	if (response.status !== 204 && response.body !== undefined) {
		if (typeof response.body === 'string') {
			payload = response.body;
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		} else {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json';
		}
	}
	res.writeHead(response.status, headers);
	res.end(payload);
}
