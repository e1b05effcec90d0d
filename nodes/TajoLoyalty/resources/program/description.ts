import type { INodeProperties } from 'n8n-workflow';
import { defaultProgram } from '../../../core/loyalty';
import { programField, storeHashField } from '../../shared/fields';

const show = (...operation: string[]) => ({ resource: ['program'], operation });

export const programOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['program'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a loyalty program',
		},
		{ name: 'Get', value: 'get', description: "Get a program's rules, tiers and bonus actions", action: 'Get a loyalty program' },
		{ name: 'List', value: 'list', description: 'List the loyalty programs of a store', action: 'List loyalty programs' },
	],
	default: 'upsert',
};

export const programStoreHash = storeHashField(show('upsert', 'get', 'list'));
export const programName = programField(show('get'));

export const configSource: INodeProperties = {
	displayName: 'Rules From',
	name: 'configSource',
	type: 'options',
	options: [
		{ name: 'Program Config (JSON)', value: 'json', description: 'Rules written as JSON; fields left out get the seed values' },
		{ name: 'Seed Program', value: 'seed', description: "One of the integration guide's three programs, as they are" },
	],
	default: 'json',
	description: 'Where the rules of the program come from',
	displayOptions: { show: show('upsert') },
};

export const seedProgram: INodeProperties = {
	displayName: 'Seed Program',
	name: 'seedProgram',
	type: 'options',
	options: [
		{ name: 'B2b_program (Channel 2, Wholesale)', value: 'b2b_program', description: 'Every member is a B2B account: reorder rate 0.5, order-volume bonus ×1.5 from 10000' },
		{ name: 'Default (Channel 1, Main Store)', value: 'default', description: 'Seed rules; B2B rules for the Wholesale group' },
		{ name: 'Global_program (Channel 3, International)', value: 'global_program', description: 'Seed rules; orders in other currencies are converted to USD at their exchange rate' },
	],
	default: 'default',
	description: 'The seed program to create or update',
	displayOptions: { show: { ...show('upsert'), configSource: ['seed'] } },
};

export const programConfig: INodeProperties = {
	displayName: 'Program Config (JSON)',
	name: 'programConfig',
	type: 'json',
	required: true,
	default: JSON.stringify(defaultProgram, null, 2),
	description: 'The rules: ID, channels, purchasePoints (rate, roundingMode, basis), bonusPoints, customBonusActions, customerGroupMultipliers, tiers, multiplierMode, b2bLoyalty, customerGroupMapping (segment, starting tier, Brevo list), pendingDays, expiryAfterInactivityDays, negativeBalancePolicy. Its ID field names the program.',
	hint: "Starts as the seed's default program. Fields you leave out get the seed values; an invalid field is named in the error.",
	typeOptions: { rows: 12 },
	displayOptions: { show: { ...show('upsert'), configSource: ['json'] } },
};

export const programDescription: INodeProperties[] = [programOperation, programStoreHash, programName, configSource, seedProgram, programConfig];
