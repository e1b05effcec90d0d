import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { programName, storeHash, wholeNumber } from '../../core/loyalty-service';

/**
 * Parameters several operations share, each built for the operations that show it. The
 * display name, description and hint are written once here; the zod schema beside each is
 * what its value must pass.
 */

type Show = IDisplayOptions['show'];

export function storeHashField(show: Show): INodeProperties {
	return {
		displayName: 'Store Hash',
		name: 'storeHash',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. abc123xyz',
		description:
			'The BigCommerce store the loyalty data belongs to: the store hash, i.e. the part after /stores/ in the store\'s API path. One n8n can serve several stores; each keeps its own programs and members.',
		hint: 'The BigCommerce Trigger outputs it as store_hash; the BigCommerce credential shows it as Store Hash',
		displayOptions: { show },
	};
}

export const storeHashSchema = storeHash;

/** Member-based operations name their program. */
export function programField(show: Show): INodeProperties {
	return {
		displayName: 'Program',
		name: 'program',
		type: 'string',
		required: true,
		default: 'default',
		placeholder: 'e.g. default',
		description: 'ID of the loyalty program, as its config names it. The seed setup has default (channel 1), b2b_program (channel 2) and global_program (channel 3).',
		hint: 'Member items carry it as program',
		displayOptions: { show },
	};
}

export const programSchema = programName;

/** Operations on a BigCommerce order, cart or customer may leave the program to its storefront channel. */
export function programByChannelField(show: Show, what: string): INodeProperties {
	return {
		displayName: 'Program',
		name: 'program',
		type: 'string',
		default: '',
		placeholder: 'Leave empty to choose by channel',
		description: `ID of the loyalty program. Leave empty to use the program that serves the ${what}'s storefront channel (channel_id), e.g. 1 → default, 2 → b2b_program, 3 → global_program in the seed setup.`,
		displayOptions: { show },
	};
}

export const optionalProgramSchema = z.preprocess((v) => (v === '' || v === null ? undefined : v), programName.optional());

export function customerIdField(show: Show): INodeProperties {
	return {
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '={{ $json.customer_id }}',
		placeholder: 'e.g. 42',
		description: 'The BigCommerce customer ID of the member',
		hint: 'By default the customer_id of the incoming item (member items, orders and cart events have it)',
		displayOptions: { show },
	};
}

export const customerIdSchema = wholeNumber(1);

/** The BigCommerce item an operation works on; by default the whole incoming item. */
export function itemField(show: Show, displayName: string, name: string, description: string, hint: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description,
		hint,
		displayOptions: { show },
	};
}

/** An object, or JSON text of one (what a JSON parameter hands over). */
export const itemSchema = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	},
	z.record(z.unknown(), { invalid_type_error: 'must be an object, e.g. the item a BigCommerce node outputs' }),
);

export function returnAllFields(show: Show, what: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: `The newest or first ${what} up to this number`,
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The optional fields of an operation, in n8n's usual "Additional Fields" collection. */
export function additionalFields(show: Show, description: string, options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', description, placeholder: 'Add Field', default: {}, displayOptions: { show }, options };
}
