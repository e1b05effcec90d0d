import { startBrevoSandbox, type BrevoSandbox, type BrevoSandboxOptions } from '../../../../sandbox/brevo';

export interface ApiResponse {
	status: number;
	headers: Headers;
	// Tests read arbitrary JSON fields.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** Calls the emulator over HTTP as a Brevo client would (api-key header, JSON body). */
export async function call(
	sandbox: BrevoSandbox,
	method: string,
	path: string,
	body?: unknown,
	options: { apiKey?: string | null; rawBody?: string } = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = { accept: 'application/json' };
	const key = options.apiKey === undefined ? sandbox.apiKey : options.apiKey;
	if (key !== null) headers['api-key'] = key;
	const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${path.startsWith('/_sandbox') ? sandbox.url : sandbox.apiBaseUrl}${path}`, { method, headers, body: payload });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/**
 * One sandbox per test file, reset before each test. Rate limits are raised so tests that are not
 * about rate limiting never hit them.
 */
export function useBrevoSandbox(options: BrevoSandboxOptions = {}): () => BrevoSandbox {
	let sandbox: BrevoSandbox | undefined;
	beforeAll(async () => {
		sandbox = await startBrevoSandbox({
			rateLimits: {
				contacts: { limit: 10_000, windowMs: 1000 },
				events: { limit: 10_000, windowMs: 1000 },
				products: { limit: 10_000, windowMs: 1000 },
				orders: { limit: 10_000, windowMs: 1000 },
				other: { limit: 10_000, windowMs: 1000 },
				whatsapp: { limit: 10_000, windowMs: 1000 },
				smtp: { limit: 10_000, windowMs: 1000 },
			},
			...options,
		});
	});
	beforeEach(() => sandbox?.reset());
	afterAll(async () => sandbox?.close());
	return () => {
		if (!sandbox) throw new Error('Brevo sandbox not started');
		return sandbox;
	};
}
