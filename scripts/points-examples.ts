import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	type BigCommerceOrderAmounts,
	type MemberStanding,
	type OrderPoints,
	type ProgramConfig,
	b2bProgram,
	calculateOrderPoints,
	defaultProgram,
	formatDecimal,
	globalProgram,
	parseDecimal,
	parseProgramConfig,
} from '../nodes/core/loyalty';

/**
 * The README's worked table of loyalty points (DESIGN §4), computed by the rules engine itself.
 *   scripts/node24 npx tsx scripts/points-examples.ts           prints the block
 *   scripts/node24 npx tsx scripts/points-examples.ts --write   rewrites it in README.md
 * A unit test fails when README.md differs from what the code computes now.
 */

interface Example {
	order: string;
	amounts: BigCommerceOrderAmounts;
	member: MemberStanding;
	memberText: string;
	program: ProgramConfig;
	programText: string;
}

const usd = (subtotal: string, extra: Partial<BigCommerceOrderAmounts> = {}): BigCommerceOrderAmounts => ({
	subtotal_ex_tax: subtotal,
	discount_amount: '0.0000',
	coupon_discount: '0.0000',
	default_currency_code: 'USD',
	...extra,
});

/** Order 218 of BigCommerce's v2 orders spec: a $5 discount, a $5 coupon, shipping and tax. */
const specOrder218: BigCommerceOrderAmounts = {
	subtotal_ex_tax: '62.6793',
	total_ex_tax: '64.5300',
	total_inc_tax: '69.8400',
	shipping_cost_ex_tax: '11.0900',
	shipping_cost_inc_tax: '12.0000',
	handling_cost_ex_tax: '0.0000',
	handling_cost_inc_tax: '0.0000',
	wrapping_cost_ex_tax: '0.0000',
	wrapping_cost_inc_tax: '0.0000',
	discount_amount: '5.0000',
	coupon_discount: '5.0000',
	default_currency_code: 'USD',
};

const member = (customerGroupName: string, lifetimePoints: number, hasCompletedOrder = false): MemberStanding => ({
	customerGroupName,
	lifetimePoints,
	hasCompletedOrder,
});

const variant = (base: ProgramConfig, change: object): ProgramConfig => parseProgramConfig({ ...JSON.parse(JSON.stringify(base)), ...change });
const withBasis = (basis: string) => variant(defaultProgram, { purchasePoints: { ...defaultProgram.purchasePoints, basis } });
const withRounding = (roundingMode: string) => variant(defaultProgram, { purchasePoints: { ...defaultProgram.purchasePoints, roundingMode } });

export const POINTS_EXAMPLES: Example[] = [
	{ order: 'subtotal_ex_tax 120.0000', amounts: usd('120.0000'), member: member('Retail', 0), memberText: 'Retail, 0', program: defaultProgram, programText: 'default' },
	{ order: 'spec order 218: subtotal_ex_tax 62.6793, discount_amount 5.0000, coupon_discount 5.0000', amounts: specOrder218, member: member('VIP', 0), memberText: 'VIP, 0', program: defaultProgram, programText: 'default' },
	{ order: 'order 218: total_ex_tax 64.5300, shipping_cost_ex_tax 11.0900', amounts: specOrder218, member: member('Retail', 0), memberText: 'Retail, 0', program: withBasis('total_ex_tax'), programText: 'default, basis total_ex_tax' },
	{ order: 'order 218: total_inc_tax 69.8400, shipping_cost_inc_tax 12.0000', amounts: specOrder218, member: member('Retail', 0), memberText: 'Retail, 0', program: withBasis('total_inc_tax'), programText: 'default, basis total_inc_tax' },
	{ order: 'subtotal_ex_tax 200.0000', amounts: usd('200.0000'), member: member('VIP', 16000), memberText: 'VIP, 16,000', program: defaultProgram, programText: 'default' },
	{
		order: 'subtotal_ex_tax 200.0000',
		amounts: usd('200.0000'),
		member: member('VIP', 16000),
		memberText: 'VIP, 16,000',
		program: variant(defaultProgram, { multiplierMode: 'highest' }),
		programText: 'default, multiplierMode highest',
	},
	{ order: 'subtotal_ex_tax 99.9900', amounts: usd('99.9900'), member: member('Platinum', 1200), memberText: 'Platinum, 1,200', program: defaultProgram, programText: 'default' },
	{ order: 'subtotal_ex_tax 10.8000', amounts: usd('10.8000'), member: member('Retail', 1000), memberText: 'Retail, 1,000', program: defaultProgram, programText: 'default (roundingMode floor)' },
	{ order: 'subtotal_ex_tax 10.8000', amounts: usd('10.8000'), member: member('Retail', 1000), memberText: 'Retail, 1,000', program: withRounding('round'), programText: 'default, roundingMode round (half-up)' },
	{ order: 'subtotal_ex_tax 10.7000', amounts: usd('10.7000'), member: member('Retail', 1000), memberText: 'Retail, 1,000', program: withRounding('ceil'), programText: 'default, roundingMode ceil' },
	{ order: 'subtotal_ex_tax 2000.0000', amounts: usd('2000.0000'), member: member('Wholesale', 0), memberText: 'Wholesale, 0, first order', program: b2bProgram, programText: 'b2b_program' },
	{ order: 'subtotal_ex_tax 2000.0000', amounts: usd('2000.0000'), member: member('Wholesale', 0, true), memberText: 'Wholesale, 0, reorder', program: b2bProgram, programText: 'b2b_program' },
	{ order: 'subtotal_ex_tax 12000.0000', amounts: usd('12000.0000'), member: member('Wholesale', 0, true), memberText: 'Wholesale, 0, reorder', program: b2bProgram, programText: 'b2b_program' },
	{ order: 'subtotal_ex_tax 10000.0000', amounts: usd('10000.0000'), member: member('Retail', 0, true), memberText: 'Retail, 0, reorder', program: b2bProgram, programText: 'b2b_program' },
	{
		order: 'subtotal_ex_tax 92.0000 EUR, store default USD, store_default_to_transactional_exchange_rate 0.92',
		amounts: usd('92.0000', { default_currency_code: 'EUR', currency_code: 'EUR', store_default_currency_code: 'USD', store_default_to_transactional_exchange_rate: '0.9200000000' }),
		member: member('Retail', 0),
		memberText: 'Retail, 0',
		program: globalProgram,
		programText: 'global_program',
	},
	{ order: 'subtotal_ex_tax 50.0000, coupon 50.0000', amounts: usd('50.0000', { coupon_discount: '50.0000' }), member: member('VIP', 0), memberText: 'VIP, 0', program: defaultProgram, programText: 'default' },
];

function multipliersText(result: OrderPoints): string {
	const parts = result.breakdown.multipliers.map((m) => {
		const label = m.kind === 'volume' ? 'volume bonus' : `${m.kind} ${m.name}`;
		return m.applied ? `${label} ×${m.value}` : `~~${label} ×${m.value}~~`;
	});
	return `${parts.join(' · ')} = ×${result.breakdown.multiplier}`;
}

function row(example: Example, index: number): string {
	const result = calculateOrderPoints(example.amounts, example.member, example.program);
	const { basis, rate } = result.breakdown;
	const conversion = basis.conversion ? ` (${basis.orderAmount} ${basis.orderCurrency} ÷ ${formatDecimal(parseDecimal(basis.conversion.rate))})` : '';
	const cells = [
		String(index + 1),
		example.order,
		example.memberText,
		`${result.breakdown.multipliers[1].name}`,
		example.programText,
		`${basis.amount} ${basis.currency}${conversion}`,
		rate.kind === 'reorder' ? `${rate.value} (reorder)` : rate.value,
		multipliersText(result),
		result.breakdown.raw,
		result.breakdown.zeroReason ? `**0** (${result.breakdown.zeroReason})` : `**${result.points}**`,
	];
	return `| ${cells.join(' | ')} |`;
}

/** The text between the README markers, as the code computes it now. */
export function renderPointsExamples(): string {
	return [
		'Generated by `scripts/node24 npx tsx scripts/points-examples.ts --write` from the rules engine',
		'(`nodes/core/loyalty`); a unit test fails when this table and the code disagree.',
		'',
		'points = round(basis × rate × multiplier), rounded once, at the end, with the program\'s rounding',
		'mode; everything before that is exact (money in integer minor units, rates and multipliers as',
		'exact decimals). The **basis** is the order\'s merchandise after discounts, without shipping, in the',
		'program currency, read from BigCommerce v2 order fields by the program\'s `purchasePoints.basis`:',
		'',
		'| basis | computed as | tax |',
		'|---|---|---|',
		'| `subtotal_ex_tax` (default) | subtotal_ex_tax − discount_amount − coupon_discount | excluded |',
		'| `total_ex_tax` | total_ex_tax − shipping_cost_ex_tax − handling_cost_ex_tax − wrapping_cost_ex_tax − fees (cost_ex_tax) | excluded |',
		'| `total_inc_tax` | total_inc_tax − shipping_cost_inc_tax − handling_cost_inc_tax − wrapping_cost_inc_tax − fees (cost_inc_tax) | included (for tax-inclusive stores) |',
		'',
		'The sum is exact at BigCommerce\'s four decimals, then rounded half-up to the currency\'s minor unit',
		'once. Store credit and gift certificates are payments, not discounts. An order in another currency',
		'is converted at its own `store_default_to_transactional_exchange_rate` when the program currency is',
		'the store default; otherwise the calculation stops with an error saying what to set.',
		'**rate**: the program rate, or the reorder rate for a B2B account with an earlier completed order.',
		'**multiplier**: customer group × tier (`multiplierMode: highest` takes the larger; struck through is',
		'the one left out), × the volume bonus for a B2B order whose basis reaches the threshold. A group\'s',
		'mapped tier (seed: VIP → Gold, Wholesale → Silver) is the lowest tier its members hold.',
		'Member = customer group, lifetime points before the order.',
		'',
		'| # | order | member | tier | program | basis | rate | multipliers | raw | points |',
		'|---|---|---|---|---|---|---|---|---|---|',
		...POINTS_EXAMPLES.map(row),
	].join('\n');
}

const START = '<!-- points-examples:start -->';
const END = '<!-- points-examples:end -->';

/** The block currently between the markers in a README text. */
export function readmePointsBlock(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
	return readme.slice(start + START.length, end).replace(/^\n/, '').replace(/\n$/, '');
}

export function withPointsBlock(readme: string, block: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
	return `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`;
}

export const README_PATH = join(__dirname, '..', 'README.md');

if (require.main === module) {
	const block = renderPointsExamples();
	if (process.argv.includes('--write')) {
		writeFileSync(README_PATH, withPointsBlock(readFileSync(README_PATH, 'utf8'), block));
		process.stdout.write(`README.md: ${POINTS_EXAMPLES.length} worked examples written\n`);
	} else {
		process.stdout.write(`${block}\n`);
	}
}
