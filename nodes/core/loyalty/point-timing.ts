import type { ProgramConfig } from './program-config';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When points earned at `earnedAt` become spendable; null when the program has no pending period. */
export function pendingUntil(program: ProgramConfig, earnedAt: Date): Date | null {
	return program.pendingDays > 0 ? new Date(earnedAt.getTime() + program.pendingDays * DAY_MS) : null;
}

/** When a member's points expire if nothing happens after `lastActivityAt`; null when they never do. */
export function expiresAt(program: ProgramConfig, lastActivityAt: Date): Date | null {
	const days = program.expiryAfterInactivityDays;
	return days === null ? null : new Date(lastActivityAt.getTime() + days * DAY_MS);
}
