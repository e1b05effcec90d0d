import { LoyaltyInputError } from './loyalty-input-error';
import type { ProgramConfig } from './program-config';

/** BigCommerce's first storefront; orders that carry no channel_id were placed there. */
export const DEFAULT_CHANNEL_ID = 1;

/** Channels claimed by more than one program, as sentences; empty when every channel has one program. */
export function channelConflicts(programs: readonly ProgramConfig[]): string[] {
	const owners = new Map<number, string[]>();
	for (const program of programs) {
		for (const channel of program.channels) owners.set(channel, [...(owners.get(channel) ?? []), program.id]);
	}
	return [...owners.entries()]
		.filter(([, ids]) => ids.length > 1)
		.map(([channel, ids]) => `channel ${channel} is served by more than one program (${ids.join(', ')})`);
}

/** The program that serves an order's storefront channel (seed: 1 default, 2 b2b_program, 3 global_program). */
export function programForChannel(programs: readonly ProgramConfig[], channelId: number | null | undefined): ProgramConfig {
	const channel = channelId ?? DEFAULT_CHANNEL_ID;
	const serving = programs.filter((program) => program.channels.includes(channel));
	if (serving.length === 1) return serving[0];
	if (serving.length === 0) {
		const known = programs.map((program) => `${program.id}: ${program.channels.join(', ')}`).join('; ');
		throw new LoyaltyInputError('channel_id', `no program serves channel ${channel} (${known || 'no programs'}); add it to a program's channels`);
	}
	throw new LoyaltyInputError('channel_id', channelConflicts(serving)[0]);
}
