import type { INodeProperties } from 'n8n-workflow';

/**
 * Parameter lookup as n8n does it for a node: the value set in the node, else the default of the
 * property shown for the current settings. Finding the default through the description means a
 * wrong default or display condition fails a test.
 */
export function parameterReader(properties: INodeProperties[], values: Record<string, unknown>) {
	const read = (name: string): unknown => {
		if (name in values) return values[name];
		const shown = properties.filter((property) => property.name === name && isShown(property));
		return shown.length ? shown[0].default : undefined;
	};
	const isShown = (property: INodeProperties): boolean => {
		const show = property.displayOptions?.show ?? {};
		return Object.entries(show).every(([key, allowed]) => (allowed as unknown[]).includes(read(key)));
	};
	return (name: string, fallback?: unknown): unknown => {
		const value = read(name);
		if (value !== undefined) return value;
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
}
