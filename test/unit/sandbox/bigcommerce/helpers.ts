import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBigCommerceSandbox, type BigCommerceSandbox, type BigCommerceSandboxOptions } from '../../../../sandbox/bigcommerce';

/** Parsed JSON as the tests read it: plain field access, the assertions check the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
	status: number;
	headers: Headers;
	body: T;
}

/** A started emulator plus a fetch helper for its store API. */
export async function startStore(options: BigCommerceSandboxOptions = {}) {
	const sandbox = await startBigCommerceSandbox(options);
	const api = async <T = Json>(method: string, path: string, body?: unknown, token: string | null = sandbox.accessToken): Promise<ApiResponse<T>> => {
		const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
		if (token !== null) headers['X-Auth-Token'] = token;
		const res = await fetch(`${sandbox.url}/stores/${sandbox.storeHash}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
	};
	const control = async <T = Json>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
		const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
	};
	return { sandbox, api, control };
}

export type Store = Awaited<ReturnType<typeof startStore>>;

export interface ReceivedCall {
	path: string;
	headers: IncomingHttpHeaders;
	body: Json;
	at: number;
}

/**
 * A webhook destination on 127.0.0.1. Answers with the next status of `statuses` (repeating the
 * last one), optionally after a delay, and records every call.
 */
export async function startReceiver(statuses: number[] = [200], delayMs = 0) {
	const calls: ReceivedCall[] = [];
	let index = 0;
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			calls.push({ path: req.url ?? '/', headers: req.headers, body: raw ? JSON.parse(raw) : undefined, at: Date.now() });
			const status = statuses[Math.min(index++, statuses.length - 1)];
			setTimeout(() => {
				res.writeHead(status);
				res.end();
			}, delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		calls,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Polls until `check` passes (for asynchronous deliveries and retries). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) throw error;
			await new Promise((r) => setTimeout(r, 10));
		}
	}
}

export type { BigCommerceSandbox };
