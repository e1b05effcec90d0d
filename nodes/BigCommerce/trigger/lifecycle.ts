import { NodeOperationError, type IDataObject, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { registrationScope } from '../../core/bigcommerce/webhook-events';
import { registerWebhooks, removeWebhooks, verifyWebhooks } from '../../core/bigcommerce/webhook-registration';
import { toNodeError } from '../shared/errors';
import { bigCommerceClient, triggerSecret } from '../shared/transport';
import { clearRegistration, readRegistration, saveRegistration } from './state';

/**
 * n8n calls these on activation (`checkExists`, then `create` if it said false) and on
 * deactivation (`delete`), for the production URL, or the test URL while "Listen for test
 * event" waits.
 */

export function destination(context: IHookFunctions | IWebhookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL.');
	return url;
}

/** The scopes to register: one per selected event, in its channel form when a channel is chosen. */
export function wantedScopes(context: IHookFunctions | IWebhookFunctions): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	if (!events.length) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event to listen for.', {
			description: 'Open the BigCommerce Trigger and pick events in the Events field.',
		});
	}
	const channelId = Number(context.getNodeParameter('channelId', 0)) || undefined;
	return [...new Set(events.map((scope) => registrationScope(scope, channelId)))];
}

function state(context: IHookFunctions): IDataObject {
	return context.getWorkflowStaticData('node');
}

/** True only if every hook exists and delivers here; hooks BigCommerce switched off are switched on again. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const registration = readRegistration(state(this));
	if (!registration || registration.destination !== destination(this)) return false;
	const scopes = wantedScopes(this);
	try {
		const result = await verifyWebhooks(await bigCommerceClient(this), registration, scopes);
		return result.ok;
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** Registers one hook per scope with the trigger's secret; all or nothing (see registerWebhooks). */
export async function create(this: IHookFunctions): Promise<boolean> {
	const data = state(this);
	const scopes = wantedScopes(this);
	try {
		const url = destination(this);
		const registration = await registerWebhooks(await bigCommerceClient(this), url, scopes, await triggerSecret(this, url));
		saveRegistration(data, registration);
		return true;
	} catch (error) {
		clearRegistration(data);
		throw toNodeError(this.getNode(), error);
	}
}

/** Removes every hook of this trigger; false (n8n logs it) when some could not be removed. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = state(this);
	const registration = readRegistration(data);
	try {
		const target = registration?.destination ?? destination(this);
		const result = await removeWebhooks(await bigCommerceClient(this), target, registration?.hooks.map((hook) => hook.id) ?? []);
		clearRegistration(data);
		return result.failed.length === 0;
	} catch {
		// No credential or no URL: nothing can be removed now; the next activation adopts what is left.
		clearRegistration(data);
		return false;
	}
}
