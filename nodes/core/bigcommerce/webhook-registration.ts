import { isBigCommerceApiError, isNotFoundError } from './api-error';
import type { BigCommerceClient } from './client';
import { activateHook, listHooks } from './hooks';
import { hookSchema, type BigCommerceHook } from './schemas/hook';
import { headerValue, secretsMatch, WEBHOOK_SECRET_HEADER } from './webhook-secret';

/**
 * Registering, checking and removing the hooks of one trigger. Every hook of a trigger points at
 * the trigger's own URL (`destination`), which no other trigger uses, so every hook found there
 * belongs to it: that is what lets activation adopt hooks left from an earlier run and roll back
 * completely when it fails half-way.
 */

export interface RegisteredHook {
	id: number;
	scope: string;
}

export interface WebhookRegistration {
	destination: string;
	secret: string;
	hooks: RegisteredHook[];
}

/** Why registering or checking failed, in the transport's words, and what is left in BigCommerce. */
export class WebhookRegistrationError extends Error {
	readonly summary: string;
	readonly hint: string;
	/** Hooks this run created that could not be removed again. */
	readonly leftBehind: number[];
	readonly status?: number;

	constructor(summary: string, hint: string, leftBehind: number[], cause: unknown) {
		super(`${summary} ${hint}`.trim(), { cause });
		this.name = 'WebhookRegistrationError';
		this.summary = summary;
		this.hint = hint;
		this.leftBehind = leftBehind;
		this.status = isBigCommerceApiError(cause) ? cause.status : undefined;
	}
}

function describe(error: unknown): { summary: string; hint: string } {
	if (isBigCommerceApiError(error)) return { summary: error.summary, hint: error.hint };
	return { summary: error instanceof Error ? error.message : String(error), hint: '' };
}

/** Every hook of this API account that delivers to `destination`. */
export async function hooksAt(client: BigCommerceClient, destination: string): Promise<BigCommerceHook[]> {
	const hooks = await listHooks(client, { destination });
	// The filter is BigCommerce's; checking again costs nothing and guards against a server that ignores it.
	return hooks.filter((hook) => hook.destination === destination);
}

const hookBody = (secret: string) => ({ is_active: true, headers: { [WEBHOOK_SECRET_HEADER]: secret } });

/** Deletes hooks, treating "already gone" as done; returns the ids that could not be deleted. */
async function deleteHooks(client: BigCommerceClient, ids: Iterable<number>): Promise<number[]> {
	const failed: number[] = [];
	for (const id of ids) {
		try {
			// Deleting twice is harmless (the second is a 404, taken as done), so 5xx may be retried.
			await client.delete('v3', `/hooks/${id}`, { idempotent: true });
		} catch (error) {
			if (!isNotFoundError(error)) failed.push(id);
		}
	}
	return failed;
}

/** Removes what a failed registration touched, plus anything else at the destination (a POST that timed out may have been saved). */
async function rollback(client: BigCommerceClient, destination: string, touched: number[]): Promise<number[]> {
	const ids = new Set(touched);
	try {
		for (const hook of await hooksAt(client, destination)) ids.add(hook.id);
	} catch {
		// Deleting the ones we know is still worth trying.
	}
	return deleteHooks(client, ids);
}

/**
 * Makes exactly one active hook per scope deliver to `destination` with `secret`: reuses hooks
 * already there (BigCommerce allows one per scope and destination), creates the others and
 * removes hooks there for scopes no longer wanted. All or nothing: on failure whatever it
 * created or changed is deleted before the error is thrown.
 */
export async function registerWebhooks(client: BigCommerceClient, destination: string, scopes: string[], secret: string): Promise<WebhookRegistration> {
	let existing: BigCommerceHook[];
	try {
		existing = await hooksAt(client, destination);
	} catch (error) {
		const { summary, hint } = describe(error);
		throw new WebhookRegistrationError(`Could not register the BigCommerce webhooks: ${summary}`, `${hint} Nothing was registered in BigCommerce.`.trim(), [], error);
	}

	const hooks: RegisteredHook[] = [];
	const touched: number[] = [];
	try {
		for (const scope of scopes) {
			const found = existing.find((hook) => hook.scope === scope);
			const hook = found
				? await client.v3('PUT', `/hooks/${found.id}`, hookSchema, { body: hookBody(secret), idempotent: true })
				: await client.v3('POST', '/hooks', hookSchema, { body: { scope, destination, ...hookBody(secret) } });
			touched.push(hook.id);
			hooks.push({ id: hook.id, scope });
		}
	} catch (error) {
		const leftBehind = await rollback(client, destination, touched);
		const { summary, hint } = describe(error);
		const cleanup = leftBehind.length
			? `Webhook${leftBehind.length > 1 ? 's' : ''} ${leftBehind.join(', ')} could not be removed again; the next activation of this workflow reuses or removes ${leftBehind.length > 1 ? 'them' : 'it'}.`
			: 'Nothing was left registered in BigCommerce.';
		throw new WebhookRegistrationError(`Could not register the BigCommerce webhooks: ${summary}`, `${hint} ${cleanup}`.trim(), leftBehind, error);
	}

	// Hooks for events that are no longer selected; harmless if this fails (the trigger ignores them).
	await deleteHooks(client, existing.filter((hook) => !scopes.includes(hook.scope)).map((hook) => hook.id));
	return { destination, secret, hooks };
}

export interface VerifyResult {
	/** Every hook exists, delivers here with our secret, and is active (now). */
	ok: boolean;
	/** Hooks BigCommerce had deactivated and that were switched on again. */
	reactivated: number[];
}

const sameScopes = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Whether the registration still stands for `scopes`. A hook BigCommerce deactivated after
 * failed deliveries (48 h of retries) is switched on again, since the workflow is active now.
 */
export async function verifyWebhooks(client: BigCommerceClient, registration: WebhookRegistration, scopes: string[]): Promise<VerifyResult> {
	if (!sameScopes(registration.hooks.map((hook) => hook.scope), scopes)) return { ok: false, reactivated: [] };
	let live: BigCommerceHook[];
	try {
		live = await hooksAt(client, registration.destination);
	} catch (error) {
		const { summary, hint } = describe(error);
		throw new WebhookRegistrationError(`Could not check the BigCommerce webhooks: ${summary}`, hint, [], error);
	}
	const inactive: number[] = [];
	for (const wanted of registration.hooks) {
		const hook = live.find((candidate) => candidate.id === wanted.id);
		if (!hook || hook.scope !== wanted.scope) return { ok: false, reactivated: [] };
		// BigCommerce may not echo the headers; when it does, they must carry our secret.
		if (hook.headers && !secretsMatch(headerValue(hook.headers, WEBHOOK_SECRET_HEADER), registration.secret)) return { ok: false, reactivated: [] };
		if (!hook.is_active) inactive.push(hook.id);
	}
	try {
		for (const id of inactive) await activateHook(client, id);
	} catch (error) {
		const { summary, hint } = describe(error);
		throw new WebhookRegistrationError(`Could not switch the deactivated BigCommerce webhooks back on: ${summary}`, hint, [], error);
	}
	return { ok: true, reactivated: inactive };
}

export interface RemoveResult {
	removed: number[];
	failed: number[];
}

/** Deletes the known hooks and any other hook delivering to `destination`. Never throws. */
export async function removeWebhooks(client: BigCommerceClient, destination: string, knownIds: number[]): Promise<RemoveResult> {
	const ids = new Set(knownIds);
	try {
		for (const hook of await hooksAt(client, destination)) ids.add(hook.id);
	} catch {
		// Try the known ones anyway.
	}
	const failed = await deleteHooks(client, ids);
	return { removed: [...ids].filter((id) => !failed.includes(id)), failed };
}
