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
