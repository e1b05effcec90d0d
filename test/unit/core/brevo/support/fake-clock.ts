/** A clock that only moves when the code under test sleeps (or a fake request takes time). */
export class FakeClock {
	time = 1_700_000_000_000;
	readonly sleeps: number[] = [];

	now = (): number => this.time;

	sleep = async (ms: number): Promise<void> => {
		this.sleeps.push(ms);
		this.time += ms;
	};

	advance(ms: number): void {
		this.time += ms;
	}

	get totalSlept(): number {
		return this.sleeps.reduce((sum, ms) => sum + ms, 0);
	}
}
