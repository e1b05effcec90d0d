import { z } from 'zod';
import { storeHashSchema } from '../../shared/fields';
import { param } from '../../shared/read';
import { messageKey, messageStoreHash } from './description';

/** A send key: text (a number is taken as its text), trimmed, 1–300 characters. */
const keySchema = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : value),
	z.string({ invalid_type_error: 'must be a text such as order:123:review_request' }).trim().min(1, 'is empty: name the message, e.g. order:123:review_request').max(300, 'must be at most 300 characters'),
);

/** The send Claim, Mark Sent and Release work on. */
export const sendTarget = {
	storeHash: param(messageStoreHash, storeHashSchema),
	key: param(messageKey, keySchema),
};

/**
 * Date-time parameters: ISO text, or what an expression returns — a Luxon DateTime ($now…) or a
 * Date — turned into ISO text. Empty becomes undefined (the optional one's default).
 */
function isoText(value: unknown): unknown {
	if (value === '' || value === null) return undefined;
	if (value instanceof Date) return value.toISOString();
	const luxon = value as { toISO?: () => string } | undefined;
	return typeof luxon?.toISO === 'function' ? luxon.toISO() : value;
}

const DATE_TIME = 'must be a date and time such as 2025-03-01T12:00:00Z';
const dateTimeText = z.string({ invalid_type_error: DATE_TIME }).refine((s) => !Number.isNaN(Date.parse(s)), DATE_TIME);

export const instantSchema = z.preprocess(isoText, dateTimeText);
export const optionalInstantSchema = z.preprocess(isoText, dateTimeText.optional());
