/** Brevo's error body: `{code, message}` (errorModel), contacts add `metadata` (contactErrorModel). */
export interface BrevoErrorBody {
	code?: string;
	message?: string;
	metadata?: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function readErrorBody(body: unknown): BrevoErrorBody {
	if (isObject(body)) {
		return {
			code: text(body.code),
			message: text(body.message) ?? text(body.error),
			metadata: isObject(body.metadata) ? body.metadata : undefined,
		};
	}
	const plain = text(body);
	// A proxy's HTML error page says nothing useful to a marketer; short plain text might.
	if (plain && plain.length <= 200 && !plain.includes('<')) return { message: plain };
	return {};
}

/** `['SMS', 'email']` from a contact conflict's metadata, when Brevo names them. */
export function duplicateIdentifiers(metadata: Record<string, unknown> | undefined): string[] {
	const list = metadata?.duplicate_identifiers;
	return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}
