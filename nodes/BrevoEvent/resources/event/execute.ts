import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { buildEvent, toBatchItem, trackEvent, trackEvents, type EventInput } from '../../../core/brevo';
import { runBatches } from '../../shared/batch';
import { keyValues, optionsOf, text } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

function eventInput(ctx: IExecuteFunctions, i: number): EventInput {
	const other = optionsOf(ctx, 'identifiers', i);
	return {
		eventName: text(ctx, 'eventName', i),
		identifiers: {
			email: text(ctx, 'email', i),
			extId: other.extId as string | undefined,
			phone: other.phone as string | undefined,
			whatsapp: other.whatsapp as string | undefined,
			landline: other.landline as string | undefined,
			contactId: other.contactId as string | undefined,
		},
		eventProperties: keyValues(ctx, 'eventProperties', i, 'Event Properties'),
		contactProperties: keyValues(ctx, 'contactProperties', i, 'Contact Attributes'),
		eventDate: text(ctx, 'eventDate', i) || undefined,
	};
}

function describe(event: ReturnType<typeof buildEvent>): IDataObject {
	return { tracked: true, eventName: event.event_name, identifiers: { ...event.identifiers } };
}

export const eventOperations: ResourceOperations = {
	track: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const event = buildEvent(eventInput(ctx, i));
			await trackEvent(client, event);
			return { ...describe(event), eventDate: event.event_date ?? null };
		},
	},
	trackMany: {
		kind: 'batch',
		run: async (run, itemIndexes) =>
			runBatches(run, itemIndexes, {
				batchSize: run.ctx.getNodeParameter('batchSize', 0, 100) as number,
				build: (i) => buildEvent(eventInput(run.ctx, i)),
				send: async (events) => {
					const { queued } = await trackEvents(run.client, events.map(toBatchItem));
					if (queued === undefined) return {};
					// Brevo skips events it finds invalid without saying which; all were checked here first.
					const warning = queued < events.length ? `Brevo queued ${queued} of the ${events.length} events of this request and skipped the others without saying which.` : undefined;
					return warning ? { queuedByBrevo: queued, warning } : { queuedByBrevo: queued };
				},
				describe,
			}),
	},
};
