import { readFileSync } from 'node:fs';
import { POINTS_EXAMPLES, README_PATH, readmePointsBlock, renderPointsExamples, withPointsBlock } from '../../../../scripts/points-examples';

describe('README worked points table', () => {
	it('is what the rules engine computes now (regenerate: scripts/node24 npx tsx scripts/points-examples.ts --write)', () => {
		expect(readmePointsBlock(readFileSync(README_PATH, 'utf8'))).toBe(renderPointsExamples());
	});

	it('covers the seed groups, tiers, B2B rules, both modes, every rounding mode and basis', () => {
		const table = renderPointsExamples();
		for (const text of ['group Retail', 'group VIP', 'group Wholesale', 'group Platinum', 'tier Bronze', 'tier Silver', 'tier Gold', 'tier Platinum']) {
			expect(table).toContain(text);
		}
		for (const text of ['(reorder)', 'volume bonus ×1.5', 'multiplierMode highest', 'roundingMode round', 'roundingMode ceil', 'basis total_ex_tax', 'basis total_inc_tax']) {
			expect(table).toContain(text);
		}
		expect(POINTS_EXAMPLES.length).toBeGreaterThanOrEqual(12);
	});

	it('replaces only the text between the markers', () => {
		const readme = 'before\n<!-- points-examples:start -->\nold\n<!-- points-examples:end -->\nafter\n';
		const updated = withPointsBlock(readme, 'new');
		expect(updated).toBe('before\n<!-- points-examples:start -->\nnew\n<!-- points-examples:end -->\nafter\n');
		expect(readmePointsBlock(updated)).toBe('new');
		expect(() => readmePointsBlock('no markers')).toThrow('README.md has no <!-- points-examples:start --> … <!-- points-examples:end --> markers');
	});
});
