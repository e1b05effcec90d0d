import { NodeApiError, NodeOperationError, type IDataObject, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import { isBigCommerceApiError } from '../../core/bigcommerce';
import { WebhookRegistrationError } from '../../core/bigcommerce/webhook-registration';
import { errorItem } from '../../shared/error-item';

/**
 * Turns whatever an operation threw into n8n's error types: the transport's one-sentence summary
 * as the message (what failed, with BigCommerce's own words), its hint as the description (what
 * to check). n8n replaces messages that mention a network code (ECONNREFUSED…) with generic
 * text, so the message is set again after construction.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isBigCommerceApiError(error)) {
		if (error.status !== undefined) {
			const apiError = new NodeApiError(node, error as unknown as JsonObject, {
				message: error.summary,
				description: error.hint,
				httpCode: String(error.status),
				itemIndex,
			});
			apiError.message = error.summary;
			apiError.description = error.hint;
			return apiError;
		}
		return withMessage(new NodeOperationError(node, error, { message: error.summary, description: error.hint, itemIndex }), error.summary, error.hint);
	}
	if (error instanceof WebhookRegistrationError) {
		// Activation errors show only the message, so it carries the hint too.
		return withMessage(new NodeOperationError(node, error, { message: error.message, itemIndex }), error.message);
	}
	const message = error instanceof Error ? error.message : String(error);
	return withMessage(new NodeOperationError(node, error instanceof Error ? error : message, { itemIndex }), message);
}

function withMessage<E extends NodeOperationError>(error: E, message: string, description?: string): E {
	error.message = message;
	if (description !== undefined) error.description = description;
	return error;
}

/**
 * The item "Continue On Fail" passes on (shape: nodes/shared/error-item.ts): the message as
 * `error`; in `details` what to do (`description`) and, for BigCommerce's answers, a `failure`
 * kind to branch on (e.g. not_found) and the HTTP `status`.
 */
export function failedItem(error: NodeApiError | NodeOperationError, cause: unknown, itemIndex: number): INodeExecutionData {
	const details: IDataObject = { description: error.description || undefined };
	if (isBigCommerceApiError(cause)) {
		details.failure = cause.failure;
		details.status = cause.status;
	}
	return errorItem(error.message, details, itemIndex);
}
