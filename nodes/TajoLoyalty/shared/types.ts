import type { IExecuteFunctions } from 'n8n-workflow';
import type { LedgerStore } from '../../core/ledger';

/** What an operation gets besides `this`: the item it works on and the (lazily opened) ledger. */
export interface OperationContext {
	itemIndex: number;
	/** The ledger for the node's credential, opened on first use and shared by the process. */
	store(): Promise<LedgerStore>;
}

/** One operation: maps the item's parameters to a loyalty-service call; returns one item or several. */
export type Operation = (this: IExecuteFunctions, context: OperationContext) => Promise<object | object[]>;

export type OperationMap = Record<string, Operation>;
