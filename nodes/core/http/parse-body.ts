import type { ZodError, ZodType, ZodTypeDef } from 'zod';

/** `['contacts', 3, 'email']` → `contacts[3].email`: the place in an API's answer that was wrong. */
export function formatIssuePath(path: ReadonlyArray<string | number>, root?: string): string {
	let text = root ?? '';
	for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
	return text === '' ? '(whole body)' : text;
}

/** Up to three problems, each naming its path, e.g. `contacts[3].email: Expected string, received number`. */
export function describeZodError(error: ZodError, root?: string): string {
	const shown = error.issues.slice(0, 3).map((issue) => `${formatIssuePath(issue.path, root)}: ${issue.message}`);
	const more = error.issues.length - shown.length;
	return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseAt<T>(schema: ZodType<T, ZodTypeDef, unknown>, value: unknown, root?: string): ParseOutcome<T> {
	const result = schema.safeParse(value);
	return result.success ? { ok: true, value: result.data } : { ok: false, problem: describeZodError(result.error, root) };
}
