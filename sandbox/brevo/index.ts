import { startServer } from '../http/server';
import { BrevoEmulator, type BrevoEmulatorOptions } from './brevo-emulator';
import { buildControlRouter, handleControl } from './control/control-routes';
import type { EndpointFamily, RateLimit } from './limits/endpoint-families';

export { BrevoEmulator, ControlError } from './brevo-emulator';
export type { BrevoEmulatorOptions, ConsentChange, ControlContactInput, TemplateInput } from './brevo-emulator';
export { ENDPOINT_FAMILIES, defaultRateLimits, familyOf } from './limits/endpoint-families';
export type { EndpointFamily, RateLimit } from './limits/endpoint-families';
export type { ActiveFault, RateLimitStorm, ServerErrors, SlowAnswers } from './limits/fault-injector';
export type { ReceivedFilter, ReceivedRequest } from './control/received-log';
export type { ContactFilter, EmailFilter, EventFilter, OrderFilter, SmsFilter, WhatsappFilter } from './control/read-filters';
export type * from './model';
export type { ContactDetails } from './contacts/contact-view';
export { SAMPLE_LISTS, SAMPLE_TEMPLATES, SAMPLE_ATTRIBUTES } from './state/sample-seed';
export { IDEMPOTENCY_TTL_MS } from './routes/smtp-email';
export { emulatedRoutes, type EmulatedRoute } from './api-router';

export interface BrevoSandboxOptions {
	/** 0 = any free port (default). */
	port?: number;
	/** Default 'xkeysib-sandbox'. */
	apiKey?: string;
	/** Default 1; rate-limit windows last windowMs / timeScale real milliseconds. */
	timeScale?: number;
	rateLimits?: Partial<Record<EndpointFamily, RateLimit>>;
	/** Start with the sample lists, templates and attributes (default true). */
	seed?: boolean;
}

/**
 * A running Brevo emulator: the API under `apiBaseUrl`, the control API under `${url}/_sandbox`,
 * and the same control operations as methods (inherited from BrevoEmulator) for in-process tests.
 */
export interface BrevoSandbox extends BrevoEmulator {
	/** http://127.0.0.1:PORT */
	readonly url: string;
	/** `${url}/v3` — what a user puts in the Brevo credential's Base URL. */
	readonly apiBaseUrl: string;
	readonly port: number;
	close(): Promise<void>;
}

export async function startBrevoSandbox(opts: BrevoSandboxOptions = {}): Promise<BrevoSandbox> {
	const options: BrevoEmulatorOptions = { apiKey: opts.apiKey, timeScale: opts.timeScale, rateLimits: opts.rateLimits, seed: opts.seed };
	const emulator = new BrevoEmulator(options);
	const control = buildControlRouter(emulator);
	const server = await startServer(async (req) => {
		if (req.path === '/_sandbox' || req.path.startsWith('/_sandbox/')) return handleControl(control, req);
		return emulator.handleApi(req);
	}, opts.port ?? 0);
	return Object.assign(emulator, {
		url: server.url,
		apiBaseUrl: `${server.url}/v3`,
		port: server.port,
		close: () => server.close(),
	});
}
