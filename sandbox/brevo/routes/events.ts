import type { Router, SandboxRequest, SandboxResponse } from '../../http/router';
import type { BrevoContext } from '../context';
import { badRequest, BrevoRequestError } from '../errors';
import { attributeEvent } from '../events/event-contacts';
import { checkEvent, validateEvent, type ValidEvent } from '../events/event-validation';
import type { EventRecord } from '../model';

/** POST /events (204) and the newer POST /events/batch (202 `{message, count}`). */
export function registerEventRoutes(router: Router, ctx: BrevoContext): void {
	router.post('/v3/events', (req) => {
		const event = validateEvent(req.body === undefined && req.rawBody.trim() === '' ? undefined : req.body);
		storeEvent(ctx, event, 'single');
		return { status: 204 };
	});
	router.post('/v3/events/batch', (req) => createBatch(ctx, req));
}

/**
 * The 2026 API (SDK v6, wiremock mappings) takes a JSON array of events and answers 202
 * "Batch accepted. Valid events have been added to the processing queue." with the number queued:
 * invalid items are skipped; when none is valid the whole request is a 400.
 */
function createBatch(ctx: BrevoContext, req: SandboxRequest): SandboxResponse {
	if (!Array.isArray(req.body)) badRequest('bad_request', 'Input must be a JSON array of events');
	const items = req.body as unknown[];
	if (items.length === 0) badRequest('missing_parameter', 'At least one event is required');
	const checked = items.map((item) => checkEvent(item));
	const valid = checked.filter((c): c is { event: ValidEvent } => 'event' in c);
	if (valid.length === 0) {
		const messages = checked.map((c, i) => `events[${i}]: ${'error' in c ? c.error : ''}`);
		badRequest('invalid_parameter', messages.join('; '));
	}
	let queued = 0;
	for (const { event } of valid) {
		try {
			storeEvent(ctx, event, 'batch');
			queued++;
		} catch (error) {
			// A contact property that fails the contact write (e.g. an invalid SMS) drops that event only.
			if (!(error instanceof BrevoRequestError)) throw error;
		}
	}
	return { status: 202, body: { message: 'Batch accepted. Valid events have been added to the processing queue.', count: queued } };
}

function storeEvent(ctx: BrevoContext, event: ValidEvent, source: EventRecord['source']): void {
	const now = ctx.now();
	const contact = attributeEvent(ctx.state, event.identifiers, event.contact_properties, now);
	ctx.state.eventLog.push({
		seq: ctx.state.nextSeq(),
		receivedAt: now,
		source,
		event_name: event.event_name,
		event_date: event.event_date ?? now,
		identifiers: { ...event.identifiers },
		...(contact ? { contact_id: contact.id } : {}),
		...(event.contact_properties ? { contact_properties: event.contact_properties } : {}),
		...(event.event_properties ? { event_properties: event.event_properties } : {}),
		...(event.object !== undefined ? { object: event.object } : {}),
	});
}
