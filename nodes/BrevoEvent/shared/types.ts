import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { AttributeDefinition, BrevoClient } from '../../core/brevo';

/** Looked up once per execution, not once per item. */
export interface ExecutionCache {
	attributes?: Promise<AttributeDefinition[]>;
}

export interface RunContext {
	ctx: IExecuteFunctions;
	client: BrevoClient;
	cache: ExecutionCache;
}

export type BatchResult = { itemIndex: number; json: IDataObject } | { itemIndex: number; error: unknown };

/** An operation runs per item (giving one output item, or several: `many`), or once for all items (the batch endpoints). */
export type Operation =
	| { kind: 'item'; run: (run: RunContext, itemIndex: number) => Promise<IDataObject> }
	| { kind: 'many'; run: (run: RunContext, itemIndex: number) => Promise<IDataObject[]> }
	| { kind: 'batch'; run: (run: RunContext, itemIndexes: number[]) => Promise<BatchResult[]> };

export type ResourceOperations = Record<string, Operation>;
