import { Router, type Handler, type SandboxRequest, type SandboxResponse } from '../../http/router';
import type { ApiVersion } from './apiErrors';

/** An API request after the store and the token were checked. */
export interface ApiRequest extends SandboxRequest {
	version: ApiVersion;
	/** Client id of the access token (hooks are scoped to it). */
	clientId: string;
}

export type ApiHandler = (req: ApiRequest) => SandboxResponse | Promise<SandboxResponse>;

/** Routes below `/stores/{hash}`, e.g. `/v3/customers`. */
export class ApiRoutes {
	readonly router = new Router();
	/** Every route, for listings and the contract tests' coverage check. */
	readonly registered: { method: string; path: string }[] = [];

	private add(method: string, path: string, handler: ApiHandler): this {
		this.registered.push({ method, path });
		// The pipeline always calls handlers with an ApiRequest.
		this.router.add(method, path, handler as unknown as Handler);
		return this;
	}

	get(path: string, h: ApiHandler) { return this.add('GET', path, h); }
	post(path: string, h: ApiHandler) { return this.add('POST', path, h); }
	put(path: string, h: ApiHandler) { return this.add('PUT', path, h); }
	delete(path: string, h: ApiHandler) { return this.add('DELETE', path, h); }
}
