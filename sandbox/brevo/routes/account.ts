import type { Router } from '../../http/router';
import type { BrevoContext } from '../context';

/**
 * GET /account (what the credential test calls): the 2025 getAccount fields plus the 2026 ones
 * (organization_id, user_id, enterprise, dateTimePreferences). Plan dates use the spec's
 * `format: date`; remaining SMS credits drop as SMS are sent.
 */
export function registerAccountRoutes(router: Router, ctx: BrevoContext): void {
	router.get('/v3/account', () => {
		const account = ctx.state.account;
		const today = ctx.clock.now();
		const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString().slice(0, 10);
		const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
		return {
			status: 200,
			body: {
				organization_id: account.organization_id,
				user_id: account.user_id,
				enterprise: account.enterprise,
				email: account.email,
				firstName: account.firstName,
				lastName: account.lastName,
				companyName: account.companyName,
				address: { ...account.address },
				dateTimePreferences: { timezone: 'UTC', timeFormat: '24', dateFormat: 'yyyy-mm-dd' },
				plan: [
					{ type: 'free', creditsType: 'sendLimit', credits: account.emailCredits, startDate: start, endDate: end },
					{ type: 'sms', creditsType: 'sendLimit', credits: account.smsCredits, startDate: start, endDate: end },
				],
				relay: { enabled: true, data: { userName: account.email, relay: 'smtp-relay.brevo.com', port: 587 } },
				marketingAutomation: { enabled: true, key: 'sandbox-ma-key' },
			},
		};
	});
}
