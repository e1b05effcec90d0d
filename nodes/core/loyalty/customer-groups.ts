import type { ProgramConfig } from './program-config';

/**
 * Customer group names come from BigCommerce, typed by store owners: a config's "VIP" matches a
 * group called "vip " too. Config validation rejects two names that differ only in case, so the
 * match is never ambiguous.
 */
export function sameGroupName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The config entry for a group name: [the name as written in the config, its value]. */
export function findByGroupName<T>(entries: Record<string, T>, groupName: string | null | undefined): [string, T] | undefined {
	if (!groupName) return undefined;
	return Object.entries(entries).find(([name]) => sameGroupName(name, groupName));
}

export type GroupMapping = ProgramConfig['customerGroupMapping'][string];

/** Segment, starting tier and Brevo list for a customer group, if the program maps it. */
export function groupMapping(program: ProgramConfig, groupName: string | null | undefined): GroupMapping | undefined {
	return findByGroupName(program.customerGroupMapping, groupName)?.[1];
}
