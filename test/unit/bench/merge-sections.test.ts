import { mergeSections } from '../../../bench/run';

describe('BENCHMARKS.md: a partial run replaces only its own sections', () => {
	const header = '# Benchmarks\n\nintro\n';
	const existing = `${header}\n## Ledger\n\nold ledger table\n\n## Segments\n\nsegments table\n`;

	it('replaces the section with the same title and keeps the others in place', () => {
		const merged = mergeSections(existing, ['## Ledger\n\nnew ledger table\n'], header);
		expect(merged).toBe(`${header}\n## Ledger\n\nnew ledger table\n\n## Segments\n\nsegments table\n`);
	});

	it('adds a section the report did not have, at the end', () => {
		const merged = mergeSections(existing, ['## Queue mode\n\nqueue table\n'], header);
		expect(merged.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Ledger', '## Segments', '## Queue mode']);
		expect(merged).toContain('old ledger table');
	});

	it('starts a report from nothing', () => {
		expect(mergeSections('', ['## Ledger\n\nt\n'], header)).toBe(`${header}\n## Ledger\n\nt\n`);
	});
});
