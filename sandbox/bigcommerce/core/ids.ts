import { randomBytes, randomUUID } from 'node:crypto';

/** Ascending integer ids per collection, as BigCommerce hands out. */
export class Sequence {
	constructor(private next = 1) {}

	take(): number {
		return this.next++;
	}

	/** Makes sure later ids stay above one that was set explicitly (e.g. by the seed). */
	observe(id: number): void {
		if (id >= this.next) this.next = id + 1;
	}
}

export function uuid(): string {
	return randomUUID();
}

/** Lower-case hex token, e.g. the 32-character abandoned-cart token. */
export function hexToken(bytes = 16): string {
	return randomBytes(bytes).toString('hex');
}
