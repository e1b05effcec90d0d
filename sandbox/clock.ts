/**
 * Time for the emulators. `now()` is real UTC time shifted by `advance()`; `scale` shrinks every
 * scheduled delay (rate-limit windows, webhook retry schedules) so tests can run BigCommerce's
 * minutes-long schedules in milliseconds. A scale of 1 is real time.
 */
export class SandboxClock {
	private offsetMs = 0;

	constructor(public scale = 1) {}

	now(): Date {
		return new Date(Date.now() + this.offsetMs);
	}

	nowMs(): number {
		return Date.now() + this.offsetMs;
	}

	/** Moves the emulator's notion of "now" forward (e.g. to age carts or orders). */
	advance(ms: number): void {
		this.offsetMs += ms;
	}

	/** Real milliseconds to wait for a delay expressed in emulated milliseconds. */
	real(ms: number): number {
		return Math.max(0, Math.round(ms / this.scale));
	}

	sleep(emulatedMs: number): Promise<void> {
		return new Promise((resolve) => setTimeout(resolve, this.real(emulatedMs)));
	}
}
