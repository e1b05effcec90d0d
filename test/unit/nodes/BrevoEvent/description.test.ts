import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { operationFor } from '../../../../nodes/BrevoEvent/operations';
import { node } from './support/fake-context';

const properties = node.description.properties;

function allProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((p) => {
		const nested = (p.options ?? []).flatMap((o) => ('values' in o ? allProperties(o.values as INodeProperties[]) : 'type' in o ? allProperties([o as INodeProperties]) : []));
		return [p, ...nested];
	});
}

describe('Brevo Event node description', () => {
	it('is a tool-usable regular node with the Brevo credential', () => {
		expect(node.description).toMatchObject({ name: 'brevoEvent', usableAsTool: true, credentials: [{ name: 'brevoApi', required: true }], icon: 'file:brevo.svg' });
	});

	it('every resource/operation in the editor has a handler, and every handler is offered', () => {
		const resources = (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) => String(o.value));
		const offered: string[] = [];
		for (const resource of resources) {
			const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!;
			for (const option of operation.options as INodePropertyOptions[]) {
				offered.push(`${resource}.${String(option.value)}`);
				expect(operationFor(resource, String(option.value))).toBeDefined();
				expect(option.action).toBeTruthy();
				expect(option.description).toBeTruthy();
			}
		}
		expect(offered.sort()).toEqual([
			'attribute.ensure',
			'contact.get',
			'contact.getConsent',
			'contact.upsert',
			'email.sendTemplate',
			'event.track',
			'event.trackMany',
			'list.create',
			'list.getAll',
			'order.send',
			'order.sendMany',
			'product.upsert',
			'product.upsertMany',
			'sms.send',
			'whatsapp.sendTemplate',
		]);
	});

	it('every parameter has a display name, a default and a description (notices aside)', () => {
		for (const p of allProperties(properties)) {
			expect(p.displayName).toBeTruthy();
			expect(p).toHaveProperty('default');
			if (p.type !== 'notice' && !['resource', 'operation'].includes(p.name)) expect([p.name, typeof p.description === 'string' && p.description.length > 10]).toEqual([p.name, true]);
		}
	});

	it('tells marketers that delays are done with the Wait node', () => {
		expect(node.description.description).toMatch(/Wait node/);
		const notice = properties.find((p) => p.name === 'waitNotice')!;
		expect(notice.displayName).toMatch(/scheduleEvent.*Wait node/);
	});
});
