import type { IDataObject } from 'n8n-workflow';
import type { WebhookRegistration } from '../../core/bigcommerce/webhook-registration';

/**
 * What the trigger keeps in the node's static data. n8n tracks changes by assignment on this
 * object (it is a proxy), so fields are always replaced, never changed in place.
 */
export interface TriggerState extends IDataObject {
	/** The hooks created on activation and the secret they send. */
	registration?: WebhookRegistration & IDataObject;
	/** Hashes of accepted deliveries (see core/bigcommerce/webhook-dedupe). */
	accepted?: IDataObject;
}

export function readRegistration(state: IDataObject): WebhookRegistration | undefined {
	const registration = state.registration as Partial<WebhookRegistration> | undefined;
	if (!registration || typeof registration.secret !== 'string' || typeof registration.destination !== 'string' || !Array.isArray(registration.hooks)) return undefined;
	return registration as WebhookRegistration;
}

export function saveRegistration(state: IDataObject, registration: WebhookRegistration): void {
	state.registration = {
		destination: registration.destination,
		secret: registration.secret,
		hooks: registration.hooks.map((hook) => ({ id: hook.id, scope: hook.scope })),
	};
}

export function clearRegistration(state: IDataObject): void {
	delete state.registration;
}
