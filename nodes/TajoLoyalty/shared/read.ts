import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';
import { LoyaltyInputError } from '../../core/loyalty';

/** A node parameter and the zod schema its value must pass. */
export interface Param<T extends z.ZodTypeAny = z.ZodTypeAny> {
	property: INodeProperties;
	schema: T;
}

export function param<T extends z.ZodTypeAny>(property: INodeProperties, schema: T): Param<T> {
	return { property, schema };
}

type Values<S extends Record<string, Param>> = { [K in keyof S]: z.output<S[K]['schema']> };

/**
 * Reads and validates an operation's parameters for one item, at the node's boundary. The first
 * value that fails names the parameter as the marketer sees it: "Customer ID: must be a whole
 * number (got "abc")", "Additional Fields → Birthday: …".
 */
export function readParams<S extends Record<string, Param>>(fn: IExecuteFunctions, itemIndex: number, spec: S): Values<S> {
	const values = {} as Values<S>;
	for (const key of Object.keys(spec) as Array<keyof S & string>) {
		const { property, schema } = spec[key];
		const fallback = property.type === 'collection' || property.type === 'fixedCollection' ? {} : null;
		const raw = fn.getNodeParameter(property.name, itemIndex, fallback);
		const result = schema.safeParse(raw === null ? undefined : raw);
		if (!result.success) {
			const issue = result.error.issues[0];
			throw new LoyaltyInputError(labelOf(property, issue.path), messageOf(issue, valueAt(raw, issue.path)));
		}
		values[key] = result.data;
	}
	return values;
}

function labelOf(property: INodeProperties, path: Array<string | number>): string {
	if (path.length === 0) return property.displayName;
	const option = (property.options as Array<{ name: string; displayName?: string }> | undefined)?.find((o) => o.name === path[0]);
	const rest = path.slice(option ? 1 : 0).join('.');
	return [property.displayName, option?.displayName, rest || undefined].filter(Boolean).join(' → ');
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
	return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), value);
}

function messageOf(issue: z.ZodIssue, value: unknown): string {
	if (issue.code !== 'invalid_type') return issue.message;
	if (issue.received === 'undefined' || issue.received === 'null') return 'is required';
	// Keep a schema's own wording ("must be a whole number"), replace zod's stock "Expected …".
	const rule = /^(Expected|Required)/.test(issue.message) ? `must be ${issue.expected}` : issue.message;
	return `${rule} (got ${JSON.stringify(value)})`;
}
