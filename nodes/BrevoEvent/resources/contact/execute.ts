import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import {
	checkAttributeValues,
	consentOf,
	findContact,
	getContact,
	listAttributes,
	lookupIdentifier,
	upsertContact,
	type ContactIdentifierKind,
	type ContactInput,
	type IgnoredAttribute,
	type SharedPhoneNumbers,
} from '../../../core/brevo';
import { idList, keyValues, optionalText, optionsOf, text } from '../../shared/params';
import type { ResourceOperations, RunContext } from '../../shared/types';

/** The account's attribute definitions, fetched once per run. */
function attributeDefinitions(run: RunContext) {
	run.cache.attributes ??= listAttributes(run.client);
	return run.cache.attributes;
}

function ignoredSummary(ignored: IgnoredAttribute[]): string {
	return ignored.map((a) => `${a.name} ${a.reason}`).join('; ');
}

export const contactOperations: ResourceOperations = {
	upsert: {
		kind: 'item',
		run: async (run, i) => {
			const { ctx, client } = run;
			const mode = ctx.getNodeParameter('unknownAttributes', i, 'warn') as string;
			const raw = keyValues(ctx, 'attributes', i, 'Attributes');
			const checked = checkAttributeValues(raw, mode === 'skip' || Object.keys(raw).length === 0 ? undefined : await attributeDefinitions(run));
			if (checked.problems.length) {
				throw new NodeOperationError(ctx.getNode(), `The contact cannot be sent to Brevo: ${checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, {
					itemIndex: i,
					description: 'Phone numbers need their country code, e.g. +33612345678.',
				});
			}
			if (mode === 'error' && checked.ignored.length) {
				throw new NodeOperationError(ctx.getNode(), `Brevo would ignore some attribute values: ${ignoredSummary(checked.ignored)}.`, {
					itemIndex: i,
					description: 'Create the missing attributes with Attribute → Ensure (or in Brevo under Contacts → Settings → Contact attributes), or correct the values.',
				});
			}
			const other = optionsOf(ctx, 'identifiers', i);
			const input: ContactInput = {
				email: text(ctx, 'email', i) || undefined,
				extId: optionalText(other.extId),
				sms: optionalText(other.sms),
				whatsapp: optionalText(other.whatsapp),
				attributes: checked.values,
				addToListIds: idList(ctx, ctx.getNodeParameter('addToLists', i, []), 'Add to Lists', i),
				removeFromListIds: idList(ctx, ctx.getNodeParameter('removeFromLists', i, []), 'Remove From Lists', i),
			};
			const result = await upsertContact(client, input, { sharedPhoneNumbers: ctx.getNodeParameter('sharedPhoneNumbers', i, 'skip') as SharedPhoneNumbers });
			const json: IDataObject = {
				created: result.created,
				contact: { identifierType: result.identifier.kind, identifier: result.identifier.value, ...(result.id !== undefined ? { id: result.id } : {}) },
				attributesSent: checked.values,
				addedToLists: input.addToListIds ?? [],
				removedFromLists: input.removeFromListIds ?? [],
			};
			if (result.skippedFields.length) json.skippedFields = result.skippedFields.map((f) => ({ ...f }));
			if (checked.ignored.length) json.ignoredAttributes = checked.ignored.map((a) => ({ name: a.name, value: a.value as IDataObject[string], reason: a.reason }));
			return json;
		},
	},
	get: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const identifier = lookupIdentifier({ kind: ctx.getNodeParameter('identifierType', i) as ContactIdentifierKind, value: text(ctx, 'identifier', i) });
			if ((ctx.getNodeParameter('notFound', i, 'error') as string) === 'empty') {
				const contact = await findContact(client, identifier);
				return contact ? ({ found: true, ...contact } as IDataObject) : { found: false, identifierType: identifier.kind, identifier: identifier.value };
			}
			return { found: true, ...(await getContact(client, identifier)) } as IDataObject;
		},
	},
	getConsent: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			// Checked and written as Brevo stores it (a phone number as +<country code><number>) before the lookup.
			const identifier = lookupIdentifier({ kind: ctx.getNodeParameter('identifierType', i) as ContactIdentifierKind, value: text(ctx, 'identifier', i) });
			const contact = await findContact(client, identifier);
			const consent = consentOf(contact, {
				checkListIds: idList(ctx, ctx.getNodeParameter('checkLists', i, []), 'Also Check Lists', i),
				unknownContacts: ctx.getNodeParameter('unknownContacts', i, 'reachable') as 'reachable' | 'unreachable',
			});
			return { identifierType: identifier.kind, identifier: identifier.value, ...consent } as unknown as IDataObject;
		},
	},
};
