// The conventions every template in workflows/ follows (workflows/README.md), checked statically
// (no n8n needed, a few milliseconds), and the template helpers the E2E tests rely on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	allTemplateIds,
	allTemplateWebhookIds,
	bindCredentials,
	configOf,
	loadTemplate,
	TEMPLATE_CREDENTIAL_NAMES,
	TEMPLATES_DIR,
	templateFiles,
	templateProblems,
	withConfig,
	withNodeParameters,
} from '../../harness/templates';

const files = templateFiles();

describe('every template', () => {
	it('is there', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it.each(files)('%s follows the template conventions', (file) => {
		expect(templateProblems(loadTemplate(file))).toEqual([]);
	});

	it.each(files)('%s is plain JSON, two-space indented, ending in a newline (readable diffs)', (file) => {
		const text = readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		expect(text).not.toMatch(/\t/);
		expect(() => JSON.parse(text)).not.toThrow();
	});

	it('has its own workflow id, name and webhookIds', () => {
		const duplicates = (values: string[]) => values.filter((value, i) => values.indexOf(value) !== i);
		expect(duplicates(allTemplateIds().map((t) => t.id))).toEqual([]);
		expect(duplicates(files.map((file) => loadTemplate(file).name))).toEqual([]);
		expect(duplicates(allTemplateWebhookIds().map((w) => w.webhookId))).toEqual([]);
	});
});

describe('template helpers', () => {
	const template = loadTemplate(files[0]);
	const field = Object.keys(configOf(template))[0];

	it('withConfig changes Config values on a copy and refuses unknown fields and wrong types', () => {
		const original = configOf(template);
		const sample = original[field];
		const changed = withConfig(template, { [field]: sample });
		expect(configOf(changed)).toEqual(original);
		expect(() => withConfig(template, { noSuchField: 1 })).toThrow(/has no field "noSuchField"/);
		expect(() => withConfig(template, { [field]: Symbol('x') })).toThrow(/does not fit/);
		expect(configOf(template)).toEqual(original);
	});

	it('bindCredentials sets every reference of a type and insists on every type the template uses', () => {
		const types = [...new Set(template.nodes.flatMap((n) => Object.keys((n.credentials ?? {}) as object)))];
		const byType = Object.fromEntries(types.map((type, i) => [type, { id: `cred${i}`, name: `My ${type}` }]));
		const bound = bindCredentials(template, byType);
		for (const node of bound.nodes) {
			for (const [type, reference] of Object.entries((node.credentials ?? {}) as Record<string, unknown>)) expect(reference).toEqual(byType[type]);
		}
		if (types.length) expect(() => bindCredentials(template, {})).toThrow(/needs credentials of type/);
		// The file itself keeps the names n8n binds by.
		for (const node of template.nodes) {
			for (const [type, reference] of Object.entries((node.credentials ?? {}) as Record<string, unknown>)) {
				expect(reference).toEqual({ id: null, name: TEMPLATE_CREDENTIAL_NAMES[type as keyof typeof TEMPLATE_CREDENTIAL_NAMES] });
			}
		}
	});

	it('withNodeParameters replaces parameters of one node on a copy', () => {
		const node = template.nodes.find((n) => n.name === 'Config')!;
		const changed = withNodeParameters(template, 'Config', { includeOtherFields: true });
		expect(changed.nodes.find((n) => n.name === 'Config')!.parameters).toEqual({ ...(node.parameters as object), includeOtherFields: true });
		expect(node.parameters).not.toHaveProperty('includeOtherFields', true);
		expect(() => withNodeParameters(template, 'No such node', {})).toThrow(/has no node named/);
	});

	it('templateProblems finds broken conventions', () => {
		const broken = structuredClone(template);
		delete broken.id;
		broken.nodes = broken.nodes.filter((n) => n.name !== 'Config');
		(broken.nodes[0].parameters as Record<string, unknown>).content = "{{ $env.SECRET }} {{ $('Nowhere').item }}";
		broken.nodes.push({ id: 'x', name: 'Leftover', type: 'n8n-nodes-base.if', typeVersion: 1, position: [0, 0], parameters: { value: "={{ $env.SECRET + $('Nowhere').item.json.a }}" } });
		const problems = templateProblems(broken).join('\n');
		expect(problems).toMatch(/workflow id undefined/);
		expect(problems).toMatch(/no node named "Config"/);
		expect(problems).toMatch(/\$env/);
		expect(problems).toMatch(/\$\('Nowhere'\)/);
		expect(problems).toMatch(/node "Leftover" has no UUID id/);
		expect(problems).toMatch(/should be typeVersion 2\.3/);
	});
});
