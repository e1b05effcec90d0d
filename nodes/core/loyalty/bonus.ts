import { BUILT_IN_BONUS_ACTIONS, BUILT_IN_BONUS_ACTION_NAMES, type BonusOncePer, type BuiltInBonusAction, isBuiltInBonusAction } from './bonus-actions';
import { LoyaltyInputError } from './loyalty-input-error';
import type { ProgramConfig } from './program-config';

/**
 * Bonus actions award fixed points (no rate, no multipliers: DESIGN §4), each at most once per its
 * natural key. The key is what makes a repeated award a duplicate in the ledger.
 */
export interface BonusAward {
	action: string;
	points: number;
	oncePer: BonusOncePer;
	builtIn: boolean;
	description: string;
}

const ONCE_PER_TEXT: Record<BonusOncePer, string> = {
	member: 'once per member',
	reference: 'once per member per reference',
	year: 'once per member per calendar year',
};

export function listBonusActions(program: ProgramConfig): BonusAward[] {
	const builtIn = BUILT_IN_BONUS_ACTION_NAMES.map((action): BonusAward => {
		const spec: BuiltInBonusAction = BUILT_IN_BONUS_ACTIONS[action];
		const per = spec.reference ? `once per ${spec.reference}` : ONCE_PER_TEXT[spec.oncePer];
		return { action, points: program.bonusPoints[action], oncePer: spec.oncePer, builtIn: true, description: per };
	});
	const custom = Object.entries(program.customBonusActions).map(
		([action, spec]): BonusAward => ({
			action,
			points: spec.points,
			oncePer: spec.oncePer,
			builtIn: false,
			description: spec.description || ONCE_PER_TEXT[spec.oncePer],
		}),
	);
	return [...builtIn, ...custom];
}

/** Points and natural-key scope of one action; an unknown action is an error listing the known ones. */
export function bonusForAction(program: ProgramConfig, action: string): BonusAward {
	const found = listBonusActions(program).find((award) => award.action === action);
	if (!found) {
		const known = listBonusActions(program).map((award) => award.action).join(', ');
		throw new LoyaltyInputError('action', `"${action}" is not a bonus action of program "${program.id}" (${known})`);
	}
	return found;
}

export interface BonusKeyInput {
	/** The store (BigCommerce store hash), as in every ledger key. */
	store: string;
	/**
	 * The program that gives the bonus (its ledger id). A customer can be a member of several
	 * programs of a store (e.g. default and a B2B program), and each gives its own bonuses.
	 */
	programId: string;
	/** The member the bonus is for: its BigCommerce customer id, as in the ledger's keys. */
	member: string | number;
	action: string;
	/** Review id (reviewSubmitted), referred customer id (referralMade), or a custom action's reference. */
	ref?: string | number | null;
	/** When the bonus is earned; its calendar year scopes the birthday bonus. "YYYY-MM-DD…" or a Date (UTC). */
	date?: string | Date | null;
}

function part(value: string | number, field: string): string {
	const text = String(value).trim();
	if (!text) throw new LoyaltyInputError(field, 'is required for the bonus key');
	return encodeURIComponent(text);
}

function yearOf(date: string | Date | null | undefined, action: string): string {
	if (date instanceof Date && !Number.isNaN(date.getTime())) return String(date.getUTCFullYear());
	const match = typeof date === 'string' ? /^(\d{4})-\d{2}-\d{2}/.exec(date.trim()) : null;
	if (!match) {
		throw new LoyaltyInputError('date', `${action} is awarded once per year: give the award date as YYYY-MM-DD (got ${JSON.stringify(date ?? null)})`);
	}
	return match[1];
}

function oncePerOf(action: string, program: ProgramConfig | undefined): BonusOncePer {
	if (isBuiltInBonusAction(action)) return BUILT_IN_BONUS_ACTIONS[action].oncePer;
	if (!program) throw new LoyaltyInputError('action', `"${action}" is a custom action: pass the program so its key scope is known`);
	return bonusForAction(program, action).oncePer;
}

/**
 * What makes an award of `action` once-only beyond the member: the reference (review id, referred
 * customer id), the calendar year (birthday), or nothing (once per member: undefined). Returned
 * encoded, ready to end a key; it plugs into the ledger's `ledgerKeys.bonus(…, naturalId)`.
 */
export function bonusNaturalId(input: Pick<BonusKeyInput, 'action' | 'ref' | 'date'>, program?: ProgramConfig): string | undefined {
	switch (oncePerOf(input.action, program)) {
		case 'member':
			return undefined;
		case 'reference':
			if (input.ref === undefined || input.ref === null || String(input.ref).trim() === '') {
				const spec: BuiltInBonusAction | undefined = isBuiltInBonusAction(input.action) ? BUILT_IN_BONUS_ACTIONS[input.action] : undefined;
				throw new LoyaltyInputError('ref', `${input.action} is awarded once per ${spec?.reference ?? 'reference'}: give it as ref`);
			}
			return part(input.ref, 'ref');
		case 'year':
			return yearOf(input.date, input.action);
	}
}

/**
 * The ledger idempotency key for a bonus award, in the ledger's key format (DESIGN §5; the
 * ledger's `ledgerKeys.bonus`):
 *   <store>:program:<program>:customer:<member>:bonus:<action>             once per member
 *   <store>:program:<program>:customer:<member>:bonus:<action>:<ref>       per review / referred customer / reference
 *   <store>:program:<program>:customer:<member>:bonus:<action>:<year>      birthday, once per calendar year
 * "Member" is a member of the program: the same customer in two programs of the store gets each
 * program's bonus. Parts are URI-encoded, so that a ':' inside an id cannot make two different
 * awards share a key. The program config is needed only for custom actions (to know their scope).
 */
export function bonusIdempotencyKey(input: BonusKeyInput, program?: ProgramConfig): string {
	return bonusKeyAfter(`${part(input.store, 'store')}:program:${part(input.programId, 'programId')}`, input, program);
}

/**
 * The key versions before the program was in it gave the same award: `<store>:customer:<member>:
 * bonus:<action>[:<ref or year>]`. Nothing writes it any more; the ledger looks it up with the
 * award (`formerKey`), so that a bonus given under it in the same program is not given twice.
 */
export function formerBonusIdempotencyKey(input: Omit<BonusKeyInput, 'programId'>, program?: ProgramConfig): string {
	return bonusKeyAfter(part(input.store, 'store'), input, program);
}

function bonusKeyAfter(prefix: string, input: Omit<BonusKeyInput, 'store' | 'programId'>, program: ProgramConfig | undefined): string {
	const base = `${prefix}:customer:${part(input.member, 'member')}:bonus:${part(input.action, 'action')}`;
	const naturalId = bonusNaturalId(input, program);
	return naturalId === undefined ? base : `${base}:${naturalId}`;
}
