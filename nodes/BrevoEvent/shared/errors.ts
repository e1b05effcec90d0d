import { NodeApiError, NodeOperationError, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import { formatProblems, isBrevoApiError, isBrevoValidationError } from '../../core/brevo';
import { errorItem } from '../../shared/error-item';

/**
 * Turns what the domain core throws into n8n's errors: the summary as the message (what went
 * wrong), the hint as the description (what to do), Brevo's own code and words kept alongside.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isBrevoApiError(error)) {
		const response: JsonObject = {
			message: error.summary,
			description: error.hint,
			failure: error.failure,
			request: `${error.request.method} ${error.request.path}`,
			attempts: error.attempts,
		};
		if (error.status !== undefined) response.httpCode = String(error.status);
		if (error.code) response.brevoCode = error.code;
		if (error.brevoMessage) response.brevoMessage = error.brevoMessage;
		if (error.detail) response.detail = error.detail;
		return new NodeApiError(node, response, {
			message: error.summary,
			description: error.detail ? `${error.hint} Detail: ${error.detail}.` : error.hint,
			httpCode: error.status === undefined ? undefined : String(error.status),
			itemIndex,
		});
	}
	if (isBrevoValidationError(error)) {
		return new NodeOperationError(node, error.message, { message: `${error.summary} ${formatProblems(error.problems)}.`, description: error.hint, itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex, description: 'If this keeps happening, report it to the package maintainers with this message.' });
}

/**
 * The item "Continue On Fail" passes on (shape: nodes/shared/error-item.ts): the message as
 * `error`, and in `details` what to branch on — `failure` (e.g. not_found, rate_limited,
 * invalid_input), Brevo's `httpCode` and `brevoCode`, or the invalid fields as `problems`.
 */
export function failedItem(error: unknown, itemIndex: number): INodeExecutionData {
	if (isBrevoApiError(error)) {
		return errorItem(error.message, { failure: error.failure, httpCode: error.status, brevoCode: error.code || undefined }, itemIndex);
	}
	if (isBrevoValidationError(error)) {
		const problems = error.problems.map((p) => ({ field: p.field, message: p.message }));
		return errorItem(error.message, { failure: 'invalid_input', problems }, itemIndex);
	}
	return errorItem(error instanceof Error ? error.message : String(error), {}, itemIndex);
}
