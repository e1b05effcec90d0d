import { Router, type Handler } from '../http/router';
import type { BrevoContext } from './context';
import { registerAccountRoutes } from './routes/account';
import { registerAttributeRoutes } from './routes/attributes';
import { registerCategoryRoutes } from './routes/categories';
import { registerContactRoutes } from './routes/contacts';
import { registerEventRoutes } from './routes/events';
import { registerListRoutes } from './routes/lists';
import { registerOrderRoutes } from './routes/orders';
import { registerProductRoutes } from './routes/products';
import { registerSmtpEmailRoutes } from './routes/smtp-email';
import { registerSmtpTemplateRoutes } from './routes/smtp-templates';
import { registerTransactionalSmsRoutes } from './routes/transactional-sms';
import { registerWhatsappRoutes } from './routes/whatsapp';

/** Every emulated `/v3` route. The router takes the first match, so fixed paths go before `{identifier}`. */
export function buildApiRouter(ctx: BrevoContext, router = new Router()): Router {
	registerAttributeRoutes(router, ctx);
	registerListRoutes(router, ctx);
	registerContactRoutes(router, ctx);
	registerEventRoutes(router, ctx);
	registerSmtpEmailRoutes(router, ctx);
	registerSmtpTemplateRoutes(router, ctx);
	registerTransactionalSmsRoutes(router, ctx);
	registerWhatsappRoutes(router, ctx);
	registerProductRoutes(router, ctx);
	registerCategoryRoutes(router, ctx);
	registerOrderRoutes(router, ctx);
	registerAccountRoutes(router, ctx);
	return router;
}

export interface EmulatedRoute {
	method: string;
	/** Path template as registered, e.g. `/v3/contacts/{identifier}`. */
	template: string;
}

/** Method and template of every emulated route, in matching order (the contract tests check each one). */
export function emulatedRoutes(): EmulatedRoute[] {
	const routes: EmulatedRoute[] = [];
	const recorder = new (class extends Router {
		override add(method: string, template: string, handler: Handler): this {
			routes.push({ method: method.toUpperCase(), template });
			return super.add(method, template, handler);
		}
	})();
	// Handlers read the context only when called, so a placeholder is enough to list them.
	buildApiRouter({} as BrevoContext, recorder);
	return routes;
}
