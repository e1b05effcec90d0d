/**
 * Request helpers differ in what they hand back for a body: parsed JSON, a string (when the
 * server sent no JSON content type), a Buffer, or '' for 204. Transports work on parsed JSON.
 */
export function normaliseBody(body: unknown): unknown {
	if (body instanceof Uint8Array) return normaliseBody(Buffer.from(body).toString('utf8'));
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return body;
	}
}
