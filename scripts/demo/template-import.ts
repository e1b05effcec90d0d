// Importing the templates of workflows/ into an n8n the way a user would (credentials bound by
// their names), with the store's values filled into each Config node, and activating those that a
// BigCommerce event or a schedule starts. Used by `npm start`, `npm run demo -- --replay` and the
// store-day end-to-end test.
import type { N8nApi, WorkflowJson } from '../../test/harness/n8n-api';
import { configOf, loadTemplate, templateFiles, withConfig } from '../../test/harness/templates';
import { withQuietSchedules } from '../store-day/day-timings';

/** Config values a marketer fills in for their store; each template takes the fields it has. */
export type ConfigValues = Record<string, string | number | boolean>;

/** The values among `values` that the workflow's Config node has a field for. */
export function configValuesFor(workflow: WorkflowJson, values: ConfigValues): ConfigValues {
	const fields = configOf(workflow);
	return Object.fromEntries(Object.entries(values).filter(([key]) => key in fields));
}

/** Templates started by BigCommerce events or a schedule are activated; manual ones are not. */
export function hasAutomaticTrigger(workflow: WorkflowJson): boolean {
	return workflow.nodes.some((node) => /Trigger$|\.webhook$/.test(node.type) && !node.type.endsWith('.manualTrigger'));
}

export interface ImportOptions {
	/** Values for the templates' Config fields (store hash, shortened delays, …). */
	config: ConfigValues;
	/** Schedules that do not fire by themselves (tests and the replayed demo run them explicitly). */
	quietSchedules?: boolean;
	/** Template files to import (default: every file of workflows/). */
	files?: string[];
	/** Activate those with an automatic trigger (default true). */
	activate?: boolean;
}

/** A template file as it will be imported: the store's Config values in, schedules quietened if asked. */
export function prepareTemplate(file: string, options: ImportOptions): WorkflowJson {
	const template = loadTemplate(file);
	const configured = withConfig(template, configValuesFor(template, options.config));
	return options.quietSchedules ? withQuietSchedules(configured) : configured;
}

/**
 * Imports every template (credentials named BigCommerce, Brevo and Tajo Loyalty must exist: n8n
 * binds them by name) and activates the automatic ones, unless told not to. Returns the workflow
 * ids by file.
 */
export async function importTemplates(n8n: N8nApi, options: ImportOptions): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const file of options.files ?? templateFiles()) {
		const workflow = prepareTemplate(file, options);
		ids[file] = (await n8n.importWorkflow(workflow)).id;
		if ((options.activate ?? true) && hasAutomaticTrigger(workflow)) await n8n.activateWorkflow(ids[file]);
	}
	return ids;
}
