import type { ExpressionString, INodeOutputConfiguration, INodeParameters } from 'n8n-workflow';

/**
 * The node's outputs as a function of its parameters: one output for tag and filter; in route
 * mode one per segment, in definition order, plus "No Match". n8n evaluates this in the editor
 * (to draw the outputs) and at run time, so the function is also used by execute() to size its
 * result. It is turned into source text for an expression, so it must stay self-contained: no
 * imports, no helpers, no text containing braces, and only syntax n8n's expression parser
 * knows (it rejects `catch {` without a binding): plain JavaScript.
 */
export function configuredOutputs(parameters: INodeParameters, defaultNames: string[]): INodeOutputConfiguration[] {
	if (parameters.mode !== 'route') return [{ type: 'main' }];
	let names: string[] = [];
	try {
		if (parameters.definitionSource === 'rows') {
			const ui = parameters.segmentsUi as { segment?: Array<{ name?: unknown }> } | undefined;
			names = ((ui && ui.segment) || []).map((s, i) => String(s.name || '').trim() || 'Segment ' + (i + 1));
		} else {
			const raw = parameters.segmentsJson;
			const list = raw === undefined ? defaultNames : typeof raw === 'string' ? JSON.parse(raw) : raw;
			names = Array.isArray(list) ? list.map((s, i) => String((s && s.name) || '').trim() || 'Segment ' + (i + 1)) : [];
		}
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- n8n's expression parser rejects "catch {"
	} catch (error) {
		names = [];
	}
	const outputs: INodeOutputConfiguration[] = names.map((name) => ({ type: 'main', displayName: name }));
	outputs.push({ type: 'main', displayName: 'No Match' });
	return outputs;
}

/** The `outputs` expression of the node description. */
export function outputsExpression(defaultNames: string[]): ExpressionString {
	// n8n ends an expression at the first "}}", and compilers may print two closing braces
	// together; a space between them changes nothing in the code (it has no such text literal).
	let source = configuredOutputs.toString();
	while (source.includes('}}')) source = source.replace(/\}\}/g, '} }');
	return `={{(${source})($parameter, ${JSON.stringify(defaultNames)})}}`;
}
