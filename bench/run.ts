import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchFigure } from './figures';

/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line), prints a
 * table and writes BENCHMARKS.md. Every figure is a ratio against a reference measured in the
 * same run, so the numbers mean the same on a slower machine.
 */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const forceWrite = args.includes('--write');
	const only = args.filter((a) => a !== '--write');
	const files = readdirSync(__dirname)
		.filter((f) => f.endsWith('.bench.ts'))
		.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
		.sort();
	const sections: string[] = [];
	let allMet = true;
	for (const file of files) {
		const mod = (await import(join(__dirname, file))) as { default: Benchmark };
		const bench = mod.default;
		process.stdout.write(`\n## ${bench.title}\n`);
		const figures = await bench.run();
		const table = renderTable(figures);
		process.stdout.write(`${table}\n`);
		sections.push(`## ${bench.title}\n\n${table}\n`);
		allMet &&= figures.every((f) => f.met);
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, n8n ${pinnedN8nVersion()} where n8n runs`;
	const header = [
		'# Benchmarks',
		'',
		'Reproduce with `npm run bench` (every file of `bench/`) or `npm run bench -- <name> --write` (one file; its section is replaced, the others kept).',
		'Each figure is compared with a reference measured in the same run. Each section says when and on what machine it was measured.',
		'',
	].join('\n');
	const measured = `_Measured ${new Date().toISOString()} on ${machine}._`;
	const fresh = sections.map((section) => section.replace(/\n\n/, `\n\n${measured}\n\n`));
	const target = join(__dirname, '..', 'BENCHMARKS.md');
	// A full run rewrites the report; a partial run (names given) only with --write, and then replaces
	// just its own sections, so it cannot silently drop the others' figures.
	if (only.length === 0) writeFileSync(target, `${header}\n${fresh.join('\n')}`);
	else if (forceWrite) writeFileSync(target, mergeSections(existsSync(target) ? readFileSync(target, 'utf8') : '', fresh, header));
	process.stdout.write(`\n${allMet ? 'All goals met.' : 'Some goals NOT met (see the tables).'}\n`);
}

/** The n8n version the benchmarks that start n8n use (scripts/toolchain.sh pins it). */
function pinnedN8nVersion(): string {
	const script = readFileSync(join(__dirname, '..', 'scripts', 'toolchain.sh'), 'utf8');
	return process.env.N8N_VERSION ?? /N8N_VERSION="\$\{N8N_VERSION:-([^}]+)\}"/.exec(script)?.[1] ?? 'unknown';
}

/** Replaces the sections (`## title` … up to the next `## `) that `fresh` has new versions of; adds the rest. */
export function mergeSections(existing: string, fresh: string[], header: string): string {
	const split = (doc: string) => doc.split(/^(?=## )/m).filter((part) => part.startsWith('## '));
	const title = (section: string) => section.slice(0, section.indexOf('\n'));
	const kept = split(existing);
	for (const section of fresh) {
		const at = kept.findIndex((old) => title(old) === title(section));
		if (at >= 0) kept[at] = section;
		else kept.push(section);
	}
	return `${header}\n${kept.map((section) => section.trimEnd() + '\n').join('\n')}`;
}

function fmt(n: number): string {
	return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);
}

export function renderTable(figures: BenchFigure[]): string {
	const rows = figures.map(
		(f) => `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.reference.name}: ${fmt(f.reference.value)} ${f.unit} | ${f.ratio.toFixed(2)} | ${f.goal} | ${f.met ? 'yes' : '**no**'} |`,
	);
	return ['| figure | value | reference (same run) | ratio | goal | met |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
