import { q, type Router } from '../../http/router';
import type { BrevoContext } from '../context';
import { badRequest, notFound } from '../errors';
import { idParam, pageQuery, paginate } from '../request-checks';

/** GET /smtp/templates (filter `templateStatus`, paginated) and GET /smtp/templates/{templateId}. */
export function registerSmtpTemplateRoutes(router: Router, ctx: BrevoContext): void {
	router.get('/v3/smtp/templates', (req) => {
		const status = q(req, 'templateStatus');
		if (status !== undefined && status !== 'true' && status !== 'false') badRequest('invalid_parameter', 'templateStatus should be true or false');
		const page = pageQuery(req, { limit: 50, max: 1000 });
		const matching = [...ctx.state.templates.values()].filter((t) => status === undefined || t.isActive === (status === 'true'));
		const { items, count } = paginate(matching, page, (t) => `${t.createdAt}#${String(t.id).padStart(9, '0')}`);
		return { status: 200, body: { count, templates: items.map((t) => ({ ...t, sender: { ...t.sender } })) } };
	});
	router.get('/v3/smtp/templates/{templateId}', (req) => {
		const template = ctx.state.templates.get(idParam(req.params.templateId, 'templateId')) ?? notFound('Template ID does not exist');
		return { status: 200, body: { ...template, sender: { ...template.sender } } };
	});
}
