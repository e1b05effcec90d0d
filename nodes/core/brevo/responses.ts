import { z } from 'zod';

/**
 * The parts of Brevo's answers the operations rely on (API reference models; unknown fields are
 * kept). A body that does not fit fails with a clear "unexpected response" error instead of
 * undefined values flowing on.
 */

/** GetContactDetails / getContactInfo. `whatsappBlacklisted` is newer (2025+), so optional. */
export const contactDetailsSchema = z
	.object({
		id: z.number(),
		email: z.string().optional().nullable(),
		emailBlacklisted: z.boolean(),
		smsBlacklisted: z.boolean(),
		whatsappBlacklisted: z.boolean().optional(),
		listIds: z.array(z.number()),
		listUnsubscribed: z.array(z.number()).optional(),
		attributes: z.record(z.unknown()),
		createdAt: z.string().optional(),
		modifiedAt: z.string().optional(),
	})
	.passthrough();
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

export const attributeDefinitionSchema = z
	.object({
		name: z.string(),
		category: z.string(),
		type: z.string().optional(),
		enumeration: z.array(z.object({ value: z.number(), label: z.string() }).passthrough()).optional(),
		multiCategoryOptions: z.array(z.string()).optional(),
	})
	.passthrough();
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export const attributesListSchema = z.object({ attributes: z.array(attributeDefinitionSchema) }).passthrough();

/** 201 `{id}` when a contact was created; 204 (no body) when updateEnabled updated one. */
export const createContactSchema = z.object({ id: z.number().optional() }).passthrough().optional();

/** 201 `{messageId}`, or `{messageIds}` with message versions; 202 when scheduled. */
export const sendEmailSchema = z.object({ messageId: z.string().optional(), messageIds: z.array(z.string()).optional() }).passthrough();

export const sendSmsSchema = z
	.object({
		messageId: z.union([z.number(), z.string()]),
		reference: z.string().optional(),
		smsCount: z.number().optional(),
		usedCredits: z.number().optional(),
		remainingCredits: z.number().optional(),
	})
	.passthrough();

export const sendWhatsappSchema = z.object({ messageId: z.string() }).passthrough();

/** POST /events/batch: 202 `{message, count}` (2026). */
export const batchEventsSchema = z.object({ message: z.string().optional(), count: z.number().optional() }).passthrough().optional();

/** POST /products: 201 `{id}` when created, 204 when updated. */
export const upsertProductSchema = z.object({ id: z.union([z.string(), z.number()]).optional() }).passthrough().optional();

export const productBatchSchema = z.object({ createdCount: z.number().optional(), updatedCount: z.number().optional() }).passthrough().optional();

/** POST /orders/status/batch: 202 `{batchId, count}` (spec), `batch_id` in SDK 6. */
export const orderBatchSchema = z
	.object({ batchId: z.union([z.number(), z.string()]).nullable().optional(), batch_id: z.union([z.number(), z.string()]).nullable().optional(), count: z.number().optional() })
	.passthrough()
	.optional();
