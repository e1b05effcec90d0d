import type { Exchange } from './exchange';

/** Events, transactional email and templates, SMS and WhatsApp. Runs after CONTACT_EXCHANGES. */
export const MESSAGING_EXCHANGES: Exchange[] = [
	{
		name: 'track an event',
		method: 'POST',
		path: '/events',
		body: { event_name: 'order_shipped', identifiers: { email_id: 'jane@example.com' }, event_properties: { orderId: 100, carrier: 'UPS' } },
		status: 204,
	},
	{ name: 'event with an invalid name', method: 'POST', path: '/events', body: { event_name: 'order shipped', identifiers: { email_id: 'jane@example.com' } }, status: 400 },
	{ name: 'event without identifiers', method: 'POST', path: '/events', body: { event_name: 'x', identifiers: {} }, status: 400 },
	{ name: 'event without api key', method: 'POST', path: '/events', body: { event_name: 'x', identifiers: { ext_id: 'e' } }, status: 401, apiKey: null },
	{
		name: 'batch of events (2026 route)',
		method: 'POST',
		path: '/events/batch',
		body: [
			{ event_name: 'review_request', identifiers: { email_id: 'jane@example.com' }, event_properties: { orderId: 100 } },
			{ event_name: 'review_request', identifiers: { contact_id: 1 } },
		],
		status: 202,
		against: 'wiremock',
	},
	{ name: 'batch without a valid event', method: 'POST', path: '/events/batch', body: [{ event_name: 'bad name', identifiers: {} }], status: 400, against: 'error-shape' },

	{ name: 'email by template', method: 'POST', path: '/smtp/email', body: { templateId: 1, to: [{ email: 'jane@example.com', name: 'Jane' }], params: { cartUrl: 'https://shop.example/c' }, headers: { idempotencyKey: 'contract-1' } }, status: 201 },
	{ name: 'email with the same idempotency key', method: 'POST', path: '/smtp/email', body: { templateId: 1, to: [{ email: 'jane@example.com' }], headers: { idempotencyKey: 'contract-1' } }, status: 400 },
	{ name: 'email with content', method: 'POST', path: '/smtp/email', body: { sender: { name: 'Shop', email: 'shop@example.com' }, to: [{ email: 'sam@example.com' }], subject: 'Hi', htmlContent: '<p>Hi</p>' }, status: 201 },
	{ name: 'email versions', method: 'POST', path: '/smtp/email', body: { templateId: 1, messageVersions: [{ to: [{ email: 'a@example.com' }] }, { to: [{ email: 'b@example.com' }] }] }, status: 201 },
	{ name: 'scheduled email', method: 'POST', path: '/smtp/email', body: { templateId: 1, to: [{ email: 'jane@example.com' }], scheduledAt: '2030-01-01T10:00:00Z' }, status: 202 },
	{ name: 'email without sender', method: 'POST', path: '/smtp/email', body: { to: [{ email: 'jane@example.com' }], subject: 'x', htmlContent: 'x' }, status: 400 },
	{ name: 'list templates', method: 'GET', path: '/smtp/templates?templateStatus=true&limit=50&offset=0', status: 200 },
	{ name: 'read a template', method: 'GET', path: '/smtp/templates/1', status: 200 },
	{ name: 'read a missing template', method: 'GET', path: '/smtp/templates/999', status: 404 },

	{ name: 'SMS', method: 'POST', path: '/transactionalSMS/sms', body: { sender: 'TajoShop', recipient: '+33612345678', content: 'Your cart awaits', type: 'transactional', tag: 'cart' }, status: 201 },
	{ name: 'SMS with a bad recipient', method: 'POST', path: '/transactionalSMS/sms', body: { sender: 'TajoShop', recipient: 'x', content: 'x' }, status: 400 },
	{ name: 'async SMS', method: 'POST', path: '/transactionalSMS/send', body: { sender: 'TajoShop', recipient: '+33612345678', content: 'Your cart awaits' }, status: 201 },
	{ name: 'async SMS without content', method: 'POST', path: '/transactionalSMS/send', body: { sender: 'TajoShop', recipient: '+33612345678' }, status: 400 },

	{ name: 'WhatsApp template', method: 'POST', path: '/whatsapp/sendMessage', body: { senderNumber: '33700000000', contactNumbers: ['33612345678'], templateId: 3, params: { FNAME: 'Jane' } }, status: 201 },
	{ name: 'WhatsApp text', method: 'POST', path: '/whatsapp/sendMessage', body: { senderNumber: '33700000000', contactNumbers: ['33612345678'], text: 'Hi' }, status: 201 },
	{ name: 'WhatsApp without numbers', method: 'POST', path: '/whatsapp/sendMessage', body: { senderNumber: '33700000000', text: 'Hi' }, status: 400 },
];

/** Runs with SMS credits at 0, to see the 402 the spec declares for POST /transactionalSMS/sms. */
export const NO_CREDIT_EXCHANGES: Exchange[] = [
	{ name: 'SMS without credits', method: 'POST', path: '/transactionalSMS/sms', body: { sender: 'TajoShop', recipient: '+33612345678', content: 'x' }, status: 402 },
];
