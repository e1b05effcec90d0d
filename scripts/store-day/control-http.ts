// One JSON call to an emulator's control API (`/_sandbox/…`). The store day drives the emulators
// over HTTP, not through the in-process sandbox objects, so that the same script plays against the
// emulators of a test and against those of a running `npm start` in another process.
import type { ZodType, ZodTypeDef } from 'zod';

export class ControlApiError extends Error {
	constructor(
		message: string,
		readonly status: number | null,
	) {
		super(message);
		this.name = 'ControlApiError';
	}
}

/**
 * Sends one request and validates the answer with `schema`. Errors name the emulator, the route and
 * what came back, so a scenario step that fails says which one and why.
 */
export async function controlCall<T>(
	emulator: string,
	baseUrl: string,
	method: string,
	route: string,
	schema: ZodType<T, ZodTypeDef, unknown>,
	body?: unknown,
): Promise<T> {
	const url = `${baseUrl.replace(/\/$/, '')}${route}`;
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
			// The idle route answers once every webhook is delivered, which can take a while.
			signal: AbortSignal.timeout(120_000),
		});
	} catch (error) {
		throw new ControlApiError(`${emulator} emulator: ${method} ${url} failed (${(error as Error).message}); is it running?`, null);
	}
	const text = await response.text();
	let json: unknown = undefined;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		// Kept as undefined: the schema below reports what was expected.
	}
	if (!response.ok) {
		throw new ControlApiError(`${emulator} emulator: ${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`, response.status);
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
		throw new ControlApiError(`${emulator} emulator: ${method} ${route} answered something unexpected (${issues}): ${text.slice(0, 300)}`, response.status);
	}
	return parsed.data;
}
