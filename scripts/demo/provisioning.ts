// What `npm start` sets up in its kept n8n (.demo/): the three credentials and every template,
// created once — later runs keep what the user changed — and brought up to date when the store's
// settings change (a real store given, or taken away again). provisioned.json remembers the ids,
// a fingerprint of each credential's settings and the Config values filled in.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { N8nApi } from '../../test/harness/n8n-api';
import { TEMPLATE_CREDENTIAL_NAMES, templateFiles, type TemplateCredentialType } from '../../test/harness/templates';
import type { Services } from './demo-services';
import { hasAutomaticTrigger, prepareTemplate, type ConfigValues } from './template-import';
import { setConfigValues } from './workflow-config';

const provisionedSchema = z.object({
	credentials: z.record(z.string()).default({}),
	/** sha256 of each credential's data as last set, so a change of settings is noticed (no secret is stored). */
	credentialFingerprints: z.record(z.string()).default({}),
	workflows: z.record(z.string()).default({}),
	/** The Config values filled into the templates when they were imported or last updated. */
	configValues: z.record(z.union([z.string(), z.number(), z.boolean()])).optional(),
	/** How many sandbox stores npm start has opened (sandbox1, sandbox2, …; see start.ts). */
	sandboxStores: z.number().int().min(0).default(0),
});
export type Provisioned = z.infer<typeof provisionedSchema>;

export function readProvisioned(file: string): Provisioned {
	if (!existsSync(file)) return provisionedSchema.parse({});
	const parsed = provisionedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.success) throw new Error(`${file} is not what npm start wrote (${parsed.error.issues[0].message}); delete the .demo folder to start over`);
	return parsed.data;
}

const fingerprint = (data: Record<string, unknown>) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

/**
 * Creates what is missing, updates credentials whose settings changed and Config fields that still
 * hold the value filled in last time (a value the user changed in the editor stays). Returns what
 * it did, in words, for the console.
 */
export async function provision(
	n8n: N8nApi,
	file: string,
	services: Services,
	onWarning: (text: string) => void,
	sandboxStores?: number,
): Promise<{ provisioned: Provisioned; changes: string[] }> {
	const done = readProvisioned(file);
	if (sandboxStores !== undefined) done.sandboxStores = sandboxStores;
	const changes: string[] = [];
	for (const [type, name] of Object.entries(TEMPLATE_CREDENTIAL_NAMES) as Array<[TemplateCredentialType, string]>) {
		const data = services.credentials[type];
		const id = done.credentials[name];
		if (!id) {
			done.credentials[name] = (await n8n.createCredential(name, type, data)).id;
		} else if (done.credentialFingerprints[name] !== fingerprint(data)) {
			await n8n.publicApi('PATCH', `/credentials/${id}`, { data });
			changes.push(`credential "${name}" now uses the current settings`);
		}
		done.credentialFingerprints[name] = fingerprint(data);
	}

	const previous = done.configValues;
	for (const templateFile of templateFiles()) {
		const id = done.workflows[templateFile];
		if (!id) {
			const workflow = prepareTemplate(templateFile, { config: services.config });
			done.workflows[templateFile] = (await n8n.importWorkflow(workflow)).id;
			if (hasAutomaticTrigger(workflow)) {
				await n8n.activateWorkflow(done.workflows[templateFile]).catch((error: unknown) => onWarning(`Could not activate ${templateFile}: ${firstLine(error)}`));
			}
		} else if (previous) {
			const changed = await updateFilledInValues(n8n, id, previous, services.config).catch((error: unknown) => {
				onWarning(`Could not update the Config of ${templateFile}: ${firstLine(error)}`);
				return [];
			});
			if (changed.length) changes.push(`${templateFile}: Config ${changed.join(', ')} updated`);
		}
	}
	// Triggers register their webhooks when a workflow is activated (and n8n did so at start-up,
	// with the old settings): after a change, activate them again against the current store.
	if (changes.length) {
		for (const [templateFile, id] of Object.entries(done.workflows)) {
			const stored = await n8n.getWorkflow(id).catch(() => undefined);
			if (!stored?.active) continue;
			await n8n
				.deactivateWorkflow(id)
				.then(() => n8n.activateWorkflow(id))
				.catch((error: unknown) => onWarning(`Could not activate ${templateFile} again: ${firstLine(error)}`));
		}
	}
	done.configValues = services.config;
	writeFileSync(file, JSON.stringify(done, null, 2));
	return { provisioned: done, changes };
}

/** Config fields whose value is still the one filled in before get the new one; returns their names. */
async function updateFilledInValues(n8n: N8nApi, workflowId: string, previous: ConfigValues, next: ConfigValues): Promise<string[]> {
	const stored = await n8n.getWorkflow(workflowId);
	const node = stored.nodes.find((n) => n.name === 'Config');
	const assignments = ((node?.parameters as { assignments?: { assignments?: Array<{ name: string; value: unknown }> } } | undefined)?.assignments?.assignments ?? []);
	const updates: ConfigValues = {};
	for (const { name, value } of assignments) {
		if (name in next && next[name] !== previous[name] && value === previous[name]) updates[name] = next[name];
	}
	if (Object.keys(updates).length) await setConfigValues(n8n, workflowId, updates);
	return Object.keys(updates);
}

function firstLine(error: unknown): string {
	return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
