/** One measured figure, always next to the reference it is compared with in the same run (DESIGN §10). */
export interface BenchFigure {
	/** What was measured, e.g. "segment evaluations/s (compiled)". */
	name: string;
	value: number;
	unit: string;
	/** The reference measured in the same run, e.g. a hand-written predicate. */
	reference: { name: string; value: number };
	/** value / reference.value (or the inverse where lower is better; say so in `goal`). */
	ratio: number;
	/** The goal as a sentence, e.g. "≥ 0.5 of hand-written". */
	goal: string;
	met: boolean;
}

/** A benchmark module: `bench/<area>.bench.ts` default-exports one of these. */
export interface Benchmark {
	title: string;
	run(): Promise<BenchFigure[]>;
}

export function figure(f: Omit<BenchFigure, 'ratio' | 'met'> & { ratio?: number; met?: (ratio: number) => boolean }): BenchFigure {
	const ratio = f.ratio ?? f.value / f.reference.value;
	return { ...f, ratio, met: f.met ? f.met(ratio) : ratio >= 1 };
}

/**
 * The middle value (the mean of the two middle ones for an even count). For paired rounds: the
 * median of per-round ratios ignores a round disturbed on one side only, which a best-of per
 * side, each side's best taken from different rounds, does not.
 */
export function median(values: number[]): number {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
