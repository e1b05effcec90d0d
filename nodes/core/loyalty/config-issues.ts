import { z } from 'zod';

/** One broken rule in a program config: where (a path such as `tiers[2].minPoints`) and what. */
export interface ConfigIssue {
	path: string;
	message: string;
}

/** Thrown by parseProgramConfig; the message lists every issue as "path: rule broken". */
export class ProgramConfigError extends Error {
	constructor(readonly issues: ConfigIssue[]) {
		super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
		this.name = 'ProgramConfigError';
	}
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['tiers', 2, 'minPoints'] → "tiers[2].minPoints"; odd keys are quoted: groups["Gold VIP"]. */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let text = '';
	for (const part of path) {
		if (typeof part === 'number') text += `[${part}]`;
		else if (IDENTIFIER.test(part)) text += text ? `.${part}` : part;
		else text += `[${JSON.stringify(part)}]`;
	}
	return text || '(config)';
}

const TYPE_NAMES: Record<string, string> = {
	number: 'a number',
	integer: 'a whole number',
	string: 'text',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	null: 'null',
};

const ZOD_STOCK_MESSAGE = /^(Expected|Required|Invalid|Unrecognized|Array must|String must|Number must)/;

/** Messages a marketer can act on, instead of zod's "Expected number, received string". */
export const friendlyErrorMap: z.ZodErrorMap = (issue, ctx) => {
	// A message written in the schema itself (e.g. "must be a whole number") is more specific: keep it.
	if (!ZOD_STOCK_MESSAGE.test(ctx.defaultError)) return { message: ctx.defaultError };
	switch (issue.code) {
		case z.ZodIssueCode.invalid_type:
			if (issue.received === 'undefined') return { message: 'is required' };
			if (issue.expected.includes("'")) {
				// An enum given a non-string: zod's expected is "'allow' | 'clamp'".
				return { message: `must be one of ${issue.expected.replace(/'/g, '').split(' | ').join(', ')} (got ${issue.received})` };
			}
			return { message: `must be ${TYPE_NAMES[issue.expected] ?? issue.expected} (got ${issue.received})` };
		case z.ZodIssueCode.invalid_enum_value:
			return { message: `must be one of ${issue.options.join(', ')} (got ${JSON.stringify(issue.received)})` };
		case z.ZodIssueCode.too_small:
			if (issue.type === 'array') return { message: issue.minimum === 1 ? 'must not be empty' : `must list at least ${issue.minimum}` };
			if (issue.type === 'string') return { message: 'must not be empty' };
			return { message: ctx.defaultError };
		default:
			return { message: ctx.defaultError };
	}
};

/** Flattens zod's issues, one entry per unknown field so that each typo is named. */
export function toConfigIssues(error: z.ZodError): ConfigIssue[] {
	const issues: ConfigIssue[] = [];
	for (const issue of error.issues) {
		if (issue.code === z.ZodIssueCode.unrecognized_keys) {
			for (const key of issue.keys) {
				issues.push({ path: formatPath([...issue.path, key]), message: 'is not a known field; check the spelling' });
			}
		} else {
			issues.push({ path: formatPath(issue.path), message: issue.message });
		}
	}
	return issues;
}
