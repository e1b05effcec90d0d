import { channelConflicts, defaultProgram, expiresAt, parseProgramConfig, pendingUntil, programForChannel, seedPrograms } from '../../../../nodes/core/loyalty';

describe('program for an order channel', () => {
	const programs = Object.values(seedPrograms);

	it('follows the seed: channel 1 default, 2 b2b_program, 3 global_program', () => {
		expect([1, 2, 3].map((channel) => programForChannel(programs, channel).id)).toEqual(['default', 'b2b_program', 'global_program']);
		expect(programForChannel(programs, undefined).id).toBe('default');
	});

	it('says when no program, or more than one, serves a channel', () => {
		expect(() => programForChannel(programs, 9)).toThrow(
			"channel_id: no program serves channel 9 (default: 1; b2b_program: 2; global_program: 3); add it to a program's channels",
		);
		const clash = [...programs, parseProgramConfig({ id: 'spring', channels: [3, 4] })];
		expect(channelConflicts(clash)).toEqual(['channel 3 is served by more than one program (global_program, spring)']);
		expect(() => programForChannel(clash, 3)).toThrow('channel_id: channel 3 is served by more than one program (global_program, spring)');
		expect(channelConflicts(programs)).toEqual([]);
	});
});

describe('pending period and expiry', () => {
	const at = new Date('2026-03-01T12:00:00Z');

	it('makes points spendable at once by default, and never expire', () => {
		expect(pendingUntil(defaultProgram, at)).toBeNull();
		expect(expiresAt(defaultProgram, at)).toBeNull();
	});

	it('counts whole days from the event', () => {
		const program = parseProgramConfig({ pendingDays: 30, expiryAfterInactivityDays: 365 });
		expect(pendingUntil(program, at)?.toISOString()).toBe('2026-03-31T12:00:00.000Z');
		expect(expiresAt(program, at)?.toISOString()).toBe('2027-03-01T12:00:00.000Z');
	});
});
