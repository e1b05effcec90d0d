import type { SandboxClock } from '../clock';
import type { BrevoState } from './state/brevo-state';

/**
 * What every route handler works with. `state` is replaced on reset, so handlers read it through
 * the context at call time rather than keeping their own reference.
 */
export interface BrevoContext {
	state: BrevoState;
	clock: SandboxClock;
	/** Current emulated time as the ISO string Brevo puts in createdAt/modifiedAt. */
	now(): string;
}
