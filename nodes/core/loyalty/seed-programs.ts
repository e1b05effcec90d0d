import { type ProgramConfig, parseProgramConfig } from './program-config';

/**
 * The seed's three programs (integration guide, "Multi-Storefront Support"), ready to use. All
 * carry the seed's rules (schema defaults); they differ in channel and in who counts as B2B:
 * - `default` (channel 1, Main Store): B2B rules for members of the Wholesale group only;
 * - `b2b_program` (channel 2, Wholesale): a wholesale storefront, so every member is a B2B account
 *   (reorder rate 0.5, order-volume bonus ×1.5 from 10000);
 * - `global_program` (channel 3, International): like default; orders paid in another currency
 *   are converted to the program currency (USD) at the order's own exchange rate.
 */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

export const defaultProgram: ProgramConfig = deepFreeze(parseProgramConfig({ id: 'default', name: 'Main Store', channels: [1] }));

export const b2bProgram: ProgramConfig = deepFreeze(
	parseProgramConfig({ id: 'b2b_program', name: 'Wholesale', channels: [2], b2bLoyalty: { allMembersAreB2B: true } }),
);

export const globalProgram: ProgramConfig = deepFreeze(parseProgramConfig({ id: 'global_program', name: 'International', channels: [3] }));

/** By program id, as the seed names them. */
export const seedPrograms: Readonly<Record<'default' | 'b2b_program' | 'global_program', ProgramConfig>> = Object.freeze({
	default: defaultProgram,
	b2b_program: b2bProgram,
	global_program: globalProgram,
});
