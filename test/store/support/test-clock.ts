/** A clock the tests move by hand: the store reads it for every transaction. */
export class TestClock {
	private ms: number;

	constructor(start = '2025-03-15T12:00:00.000Z') {
		this.ms = Date.parse(start);
	}

	readonly now = (): Date => new Date(this.ms);

	iso(): string {
		return new Date(this.ms).toISOString();
	}

	set(instant: string): void {
		this.ms = Date.parse(instant);
	}

	advanceDays(days: number): void {
		this.ms += days * 86_400_000;
	}
}
