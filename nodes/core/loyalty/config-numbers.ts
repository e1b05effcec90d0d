import { z } from 'zod';
import { fractionDigits, tryParseDecimal } from './decimal';

/**
 * Rates, multipliers and money thresholds in a program config. Marketers write them as JSON
 * numbers (1.25) or, from n8n expressions, as text ("1.25"); both are accepted and kept as
 * numbers. The calculation reads them back through their shortest text (decimal.ts), which is
 * exactly what was written as long as the value has at most 15 significant digits: the bounds
 * below guarantee that, and the decimal-places limit rejects float noise like 0.30000000000000004.
 */
export interface ExactNumberRule {
	min: number;
	max: number;
	maxDecimals: number;
	example: string;
}

function ruleMessage(rule: ExactNumberRule): string {
	return `must be a number such as ${rule.example}`;
}

export function exactNumber(rule: ExactNumberRule) {
	return z
		.union([z.number(), z.string()], { errorMap: () => ({ message: ruleMessage(rule) }) })
		.transform((value, ctx): number => {
			const decimal = typeof value === 'number' ? (Number.isFinite(value) ? tryParseDecimal(String(value)) : undefined) : tryParseDecimal(value);
			if (!decimal) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${ruleMessage(rule)} (got ${JSON.stringify(value)})` });
				return z.NEVER;
			}
			const number = Number(value);
			if (number < rule.min) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at least ${rule.min} (got ${value})` });
				return z.NEVER;
			}
			if (number > rule.max) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most ${rule.max} (got ${value})` });
				return z.NEVER;
			}
			if (fractionDigits(decimal) > rule.maxDecimals) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `must have at most ${rule.maxDecimals} decimal places (got ${value})`,
				});
				return z.NEVER;
			}
			return number;
		});
}

/** Points per unit of currency. */
export const rateNumber = exactNumber({ min: 0, max: 1000, maxDecimals: 6, example: '1 or 0.5' });
/** Group and tier multipliers. */
export const multiplierNumber = exactNumber({ min: 0, max: 1000, maxDecimals: 6, example: '1.25' });
/** A volume bonus can only raise points: below 1 it would make a bigger order earn fewer. */
export const bonusMultiplierNumber = exactNumber({ min: 1, max: 1000, maxDecimals: 6, example: '1.5' });
/** Money in the program currency, in major units (10000 = ten thousand dollars); decimals checked against the currency later. */
export const moneyNumber = exactNumber({ min: 0, max: 99_999_999_999, maxDecimals: 4, example: '10000' });

/** Whole points: non-negative safe integers. */
export function wholeNumber(min: number, max: number) {
	return z
		.number({ invalid_type_error: 'must be a whole number', required_error: 'is required' })
		.int(`must be a whole number`)
		.min(min, `must be at least ${min}`)
		.max(max, `must be at most ${max}`);
}

export const bonusPointsNumber = wholeNumber(0, 1_000_000_000);
