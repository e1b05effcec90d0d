import type { SandboxClock } from '../../clock';

interface Task {
	id: number;
	dueAt: number;
	run: () => void;
}

/**
 * Schedule time: the clock BigCommerce's delays (webhook retries, rate-limit windows, cart
 * abandonment) are measured on. It runs `clock.scale` times faster than real time, and `advance()`
 * jumps it (and the dates the emulator renders) forward, so a test can either shrink a 60 s retry
 * to 60 ms with a scale of 1000 or jump straight over it.
 */
export class Timeline {
	private tasks = new Map<number, Task>();
	private nextId = 1;
	private timer: NodeJS.Timeout | undefined;
	private closed = false;
	private baseReal = Date.now();
	private baseSchedule = 0;
	private scale: number;

	constructor(private readonly clock: SandboxClock) {
		this.scale = clock.scale;
	}

	/** Current schedule time in ms. */
	now(): number {
		return this.baseSchedule + (Date.now() - this.baseReal) * this.scale;
	}

	/** Real milliseconds until schedule time `at` (0 when it has passed). */
	realUntil(at: number): number {
		return Math.max(0, Math.ceil((at - this.now()) / this.scale));
	}

	/** Runs `run` after `delayMs` of schedule time; returns an id for `cancel`. */
	after(delayMs: number, run: () => void): number {
		const id = this.nextId++;
		this.tasks.set(id, { id, dueAt: this.now() + delayMs, run });
		this.arm();
		return id;
	}

	cancel(id: number | undefined): void {
		if (id === undefined) return;
		this.tasks.delete(id);
		this.arm();
	}

	/** Moves time forward (schedule time and rendered dates) and runs everything that became due. */
	advance(ms: number): void {
		this.clock.advance(ms);
		this.baseSchedule += ms;
		this.runDue();
	}

	/** Changes the speed of schedule time; pending tasks keep their remaining schedule delay. */
	setScale(scale: number): void {
		if (!(scale > 0)) throw new Error('timeScale must be a positive number');
		this.baseSchedule = this.now();
		this.baseReal = Date.now();
		this.scale = scale;
		this.clock.scale = scale;
		this.arm();
	}

	getScale(): number {
		return this.scale;
	}

	clear(): void {
		this.tasks.clear();
		this.arm();
	}

	close(): void {
		this.closed = true;
		this.clear();
	}

	private runDue(): void {
		const now = this.now();
		const due = [...this.tasks.values()].filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
		for (const task of due) {
			this.tasks.delete(task.id);
			task.run();
		}
		this.arm();
	}

	private arm(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.closed || this.tasks.size === 0) return;
		let first = Infinity;
		for (const t of this.tasks.values()) first = Math.min(first, t.dueAt);
		// setTimeout caps at ~24.8 days; waking early just re-arms.
		this.timer = setTimeout(() => this.runDue(), Math.min(this.realUntil(first), 2 ** 31 - 1));
		this.timer.unref();
	}
}
