import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { beginDelivery, type DeliveryVerdict } from '../../core/bigcommerce/webhook-dedupe';
import { parseWebhookDelivery } from '../../core/bigcommerce/webhook-delivery';
import { headerValue, secretsMatch, WEBHOOK_SECRET_HEADER } from '../../core/bigcommerce/webhook-secret';
import { triggerSecret } from '../shared/transport';
import { destination, wantedScopes } from './lifecycle';
import { readRegistration } from './state';

/**
 * Handles one POST from BigCommerce. Nothing here calls an API (a lost registration is recovered
 * from the credential, read locally), so BigCommerce gets its answer within milliseconds (it counts
 * slow answers as failures, retries them and finally deactivates the hook).
 *
 * Answers: 401 without the secret, 400 for a body that is no webhook envelope, 200 without an
 * execution for a repeated `hash` or an event this node did not register, 200 with one execution
 * otherwise.
 *
 * An accepted delivery is answered by n8n, once it has stored the execution (n8n 2.41.1 defers
 * an "onReceived" answer until WorkflowRunner.run() returns): a delivery answered 200 is never
 * lost, even if the process stops a moment later — before, BigCommerce retries it.
 *
 * Accepted hashes live in the node's static data, which n8n saves in that answer's callback when
 * the workflow's static data changed. The hash is written into it only when n8n reads the answer
 * body (`webhookResponse`), which it does after the execution is stored and before that save (see
 * answerWhenStored): a delivery whose execution n8n could not store is never remembered as
 * accepted. Rejections and duplicates are answered by the node itself at once.
 */
export async function handleDelivery(context: IWebhookFunctions, now: Date = new Date()): Promise<IWebhookResponseData> {
	const response = context.getResponseObject();
	const answer = (status: number, body: IDataObject): IWebhookResponseData => {
		response.status(status).json(body);
		return { noWebhookResponse: true };
	};

	const state = context.getWorkflowStaticData('node');
	const received = headerValue(context.getHeaderData(), WEBHOOK_SECRET_HEADER);
	const stored = readRegistration(state);
	const registration = stored ? { secret: stored.secret, destination: stored.destination, scopes: stored.hooks.map((hook) => hook.scope) } : await recoveredRegistration(context);
	if (!registration || !secretsMatch(received, registration.secret)) {
		return answer(401, { error: `Unauthorized: the ${WEBHOOK_SECRET_HEADER} header is missing or wrong.` });
	}

	const parsed = parseWebhookDelivery(readBody(context), now);
	if (!parsed.ok) return answer(400, { error: `Not a BigCommerce webhook delivery: ${parsed.reason}` });

	// A hook left from earlier settings may still deliver; it is acknowledged so BigCommerce stops.
	if (!registration.scopes.includes(parsed.envelope.scope)) {
		return answer(200, { received: true, ignored: `This trigger does not listen to ${parsed.envelope.scope}.` });
	}

	const node = context.getNode();
	const processKey = `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}:${registration.destination}`;
	const verdict = beginDelivery(parsed.envelope.hash, state.accepted, processKey, Math.floor(now.getTime() / 1000));
	if (verdict.duplicate) return answer(200, { received: true, duplicate: true });

	const options = context.getNodeParameter('options', {}) as { includeRawDelivery?: boolean };
	const json: IDataObject = { ...parsed.item };
	if (options.includeRawDelivery) json.delivery = parsed.envelope as unknown as IDataObject;
	return answerWhenStored(response, state, verdict, [[{ json }]]);
}

/**
 * Leaves the answer to n8n (sent once the execution is stored) and settles the hash with it: n8n
 * reads `webhookResponse` only after WorkflowRunner.run() succeeded, so that read confirms the hash
 * and writes the record where n8n's save will find it. A response that ends without that read
 * (n8n answered an error because it could not store the execution) withdraws the hash, so
 * BigCommerce's retry is run.
 */
function answerWhenStored(response: unknown, state: IDataObject, verdict: Extract<DeliveryVerdict, { duplicate: false }>, workflowData: IWebhookResponseData['workflowData']): IWebhookResponseData {
	const ended = response as { once?: (event: 'close', listener: () => void) => unknown };
	ended.once?.('close', () => verdict.withdraw());
	return {
		workflowData,
		get webhookResponse() {
			state.accepted = verdict.confirm() as unknown as IDataObject;
			return { received: true };
		},
	};
}

/**
 * What the trigger registered, when static data has lost it: n8n writes a workflow's static data
 * whole from every process, so in queue mode a worker's save can drop this node's record. The
 * secret is derived from the credential and this node's URL (deriveWebhookSecret) and the scopes
 * from its parameters, so deliveries go on being accepted. The record itself is written again by
 * the next activation; until then only the repeat memory starts afresh (the ledger still counts
 * every order once).
 */
async function recoveredRegistration(context: IWebhookFunctions): Promise<{ secret: string; destination: string; scopes: string[] } | undefined> {
	try {
		const url = destination(context);
		return { secret: await triggerSecret(context, url), destination: url, scopes: wantedScopes(context) };
	} catch {
		return undefined; // no credential or no events chosen: nothing can be accepted
	}
}

/** n8n parses JSON bodies; a delivery without a JSON content type is read from the raw bytes. */
function readBody(context: IWebhookFunctions): unknown {
	const body = context.getBodyData();
	if (body && Object.keys(body).length > 0) return body;
	const raw = (context.getRequestObject() as { rawBody?: unknown }).rawBody;
	return raw ?? body;
}
