import type { SandboxRequest } from '../../http/router';
import { parseDateFilter } from '../core/dates';
import { ApiError } from './apiErrors';

/** First value of a query parameter. */
export function param(req: SandboxRequest, key: string): string | undefined {
	return req.query[key]?.[0];
}

/** A comma-separated list parameter (`id:in=1,2,3`); repeated keys are joined. Undefined when absent. */
export function listParam(req: SandboxRequest, key: string): string[] | undefined {
	const raw = req.query[key] ?? req.query[`${key}[]`];
	if (!raw) return undefined;
	return raw
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v.length > 0);
}

/** An integer list parameter; a value that is not an integer is a client error. */
export function intListParam(req: SandboxRequest, key: string): number[] | undefined {
	const list = listParam(req, key);
	if (!list) return undefined;
	return list.map((v) => {
		if (!/^-?\d+$/.test(v)) throw new ApiError(422, `The filter '${key}' is invalid.`, { [key]: `'${v}' is not an integer` });
		return Number(v);
	});
}

export function intParam(req: SandboxRequest, key: string): number | undefined {
	const v = param(req, key);
	if (v === undefined || v === '') return undefined;
	if (!/^-?\d+$/.test(v.trim())) throw new ApiError(400, `The filter '${key}' is invalid.`, { [key]: `'${v}' is not an integer` });
	return Number(v);
}

export function boolParam(req: SandboxRequest, key: string): boolean | undefined {
	const v = param(req, key);
	if (v === undefined || v === '') return undefined;
	if (v === 'true' || v === '1') return true;
	if (v === 'false' || v === '0') return false;
	throw new ApiError(400, `The filter '${key}' is invalid.`, { [key]: `'${v}' is not a boolean` });
}

export function dateParam(req: SandboxRequest, key: string): number | undefined {
	const v = param(req, key);
	if (v === undefined || v === '') return undefined;
	const ms = parseDateFilter(v);
	if (ms === undefined) throw new ApiError(400, `The filter '${key}' is invalid.`, { [key]: `'${v}' is not a date` });
	return ms;
}

/** `include=a,b` as a set. */
export function includes(req: SandboxRequest): Set<string> {
	return new Set(listParam(req, 'include') ?? []);
}
