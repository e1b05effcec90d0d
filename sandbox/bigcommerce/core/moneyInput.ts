import { z } from 'zod';

/** A money amount in a request body: a number, or a decimal string such as "12.50" (BigCommerce accepts both). */
export const moneyInput = z.union([z.number().finite(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'must be an amount such as 12.50')]);
