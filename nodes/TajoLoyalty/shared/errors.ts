import { NodeOperationError, type INode, type INodeExecutionData } from 'n8n-workflow';
import {
	CartNotFound,
	IdempotencyKeyConflict,
	InsufficientPoints,
	InvalidLedgerInput,
	LedgerError,
	MemberErased,
	MemberNotFound,
	ProgramNotFound,
	SchemaTooNew,
} from '../../core/ledger';
import { LoyaltyInputError, MoneyError, ProgramConfigError } from '../../core/loyalty';
import { LedgerUnavailable } from '../../core/loyalty-service';
import { errorItem } from '../../shared/error-item';

interface Explained {
	message: string;
	description: string;
	/** A stable code to branch on (Continue On Fail items carry it). */
	code: string;
}

const FIX_FIELD = 'Check the field named at the start of the message, or the item the node received.';

/** What went wrong, in a marketer's words, and what to do about it. */
export function explain(error: unknown): Explained {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof NodeOperationError) return { message, description: error.description ?? '', code: 'INVALID_PARAMETERS' };
	if (error instanceof InsufficientPoints) {
		return {
			message: `Not enough points: ${error.requested} requested, ${error.available} available. Nothing was changed.`,
			description: 'Redeem at most the available balance (Member → Get shows it). Points still in their pending period (the return window) cannot be spent yet.',
			code: error.code,
		};
	}
	if (error instanceof ProgramNotFound) {
		return {
			message,
			description: 'Create the program with Tajo Loyalty → Program → Upsert (the program setup template does it once), or check the Store Hash and Program fields.',
			code: error.code,
		};
	}
	if (error instanceof MemberNotFound) {
		return {
			message,
			description: 'Enrol the customer first with Tajo Loyalty → Member → Upsert (the customer sync template does it), or check the Customer ID and Program.',
			code: error.code,
		};
	}
	if (error instanceof MemberErased) {
		return { message, description: 'The customer asked to be forgotten; their points can no longer change. Nothing was written.', code: error.code };
	}
	if (error instanceof IdempotencyKeyConflict) {
		return {
			message,
			description: 'Each Redemption ID, Adjustment ID or Refund ID must stand for one operation only. Use a new ID for a different operation.',
			code: error.code,
		};
	}
	if (error instanceof CartNotFound) return { message, description: 'Track the cart with Tajo Loyalty → Cart → Track before recording messages for it.', code: error.code };
	if (error instanceof SchemaTooNew) return { message, description: 'Install the same version of n8n-nodes-tajo-bigcommerce on every n8n process that uses this database.', code: error.code };
	if (error instanceof InvalidLedgerInput) return { message, description: FIX_FIELD, code: error.code };
	if (error instanceof LedgerError) return { message, description: 'The loyalty ledger refused the change; nothing was written.', code: error.code };
	if (error instanceof ProgramConfigError) {
		return {
			message: `The program config is not valid: ${error.issues[0]?.path}: ${error.issues[0]?.message}`,
			description: `Fix these fields of the Program Config JSON (fields left out get the seed's values): ${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
			code: 'INVALID_PROGRAM_CONFIG',
		};
	}
	if (error instanceof MoneyError) {
		return { message, description: 'Money amounts are decimal numbers such as "69.8400", as BigCommerce sends them.', code: 'INVALID_MONEY' };
	}
	if (error instanceof LoyaltyInputError) return { message, description: FIX_FIELD, code: 'INVALID_INPUT' };
	if (error instanceof LedgerUnavailable) {
		return {
			message: 'The loyalty database could not be opened',
			description: `${message} Check the Tajo Loyalty Database credential (its Test button tries the connection).`,
			code: 'DATABASE_UNAVAILABLE',
		};
	}
	return { message, description: 'An unexpected error. If it persists, check the loyalty database and the n8n log.', code: 'UNEXPECTED' };
}

/** The error n8n shows: the explanation as message and description, tied to the item. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const explained = explain(error);
	const nodeError = new NodeOperationError(node, error instanceof Error ? error : explained.message, {
		itemIndex,
		message: explained.message,
		description: explained.description,
	});
	// n8n rewrites some messages (e.g. ones that mention network codes); keep ours.
	nodeError.message = explained.message;
	nodeError.description = explained.description;
	return nodeError;
}

/**
 * The item "Continue On Fail" passes on (shape: nodes/shared/error-item.ts): what failed as
 * `error`; in `details` what to do (`description`) and a stable `code` to branch on.
 */
export function failedItem(error: unknown, itemIndex: number): INodeExecutionData {
	const explained = explain(error);
	return errorItem(explained.message, { description: explained.description || undefined, code: explained.code }, itemIndex);
}
