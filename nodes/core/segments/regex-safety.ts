/**
 * `$regex` patterns come from workflow authors, the texts they run on come from customers (names,
 * notes, addresses). JavaScript regexes backtrack, so a pattern is checked before use and the
 * shapes that can take exponential (or steep polynomial) time on a crafted text are refused:
 *
 * - patterns longer than {@link MAX_PATTERN_LENGTH} characters;
 * - back-references (`\1`, `\k<name>`);
 * - a repeated group that itself contains a repetition or an optional part: `(a+)+`, `(\w+\s?)*`;
 * - alternation inside a repeated group unless every branch is plain distinct text of which none
 *   is a prefix of another: `(a|ab)*` is refused, `(red|blue)+` is fine;
 * - two adjacent unbounded repetitions of characters that overlap: `\d+\d*`, `.*.*`, `\w+\d+`.
 * Flags: `i`, `m`, `s`, `u` only (`g` and `y` would make matching stateful).
 * What remains is at worst polynomial (an unanchored `\w+@` retries from every position), so the
 * texts a pattern runs on are bounded too: a text longer than {@link MAX_REGEX_SUBJECT} characters
 * never matches `$regex` (and so always matches `$not: { $regex }`).
 */

export const MAX_PATTERN_LENGTH = 256;
export const MAX_REGEX_SUBJECT = 10_000;
const ALLOWED_FLAGS = /^[imsu]*$/;

interface Term {
	atom: Atom;
	min: number;
	max: number;
}
type Atom =
	| { type: 'chars'; source: string; literal: boolean }
	| { type: 'group'; alternatives: Term[][] }
	| { type: 'assertion' };

/** A pattern was refused; the message says why and what to write instead. */
export class UnsafePatternError extends Error {}

class Parser {
	i = 0;
	constructor(private readonly p: string) {}

	alternatives(): Term[][] {
		const alts: Term[][] = [[]];
		while (this.i < this.p.length) {
			const c = this.p[this.i];
			if (c === ')') break;
			if (c === '|') {
				this.i++;
				alts.push([]);
				continue;
			}
			alts[alts.length - 1].push(this.term());
		}
		return alts;
	}

	private term(): Term {
		const atom = this.atom();
		const [min, max] = atom.type === 'assertion' ? [1, 1] : this.quantifier();
		return { atom, min, max };
	}

	private atom(): Atom {
		const p = this.p;
		const start = this.i;
		const c = p[this.i];
		if (c === '(') {
			this.i++;
			const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(p.slice(this.i));
			if (head) this.i += head[0].length;
			const alternatives = this.alternatives();
			this.i++; // ')' — the pattern already compiled, so groups are balanced
			return { type: 'group', alternatives };
		}
		if (c === '[') {
			let j = this.i + 1;
			while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
			this.i = j + 1;
			return { type: 'chars', source: p.slice(start, this.i), literal: false };
		}
		if (c === '^' || c === '$') {
			this.i++;
			return { type: 'assertion' };
		}
		if (c === '\\') {
			const next = p[this.i + 1] ?? '';
			if (/[1-9]/.test(next) || (next === 'k' && p[this.i + 2] === '<')) {
				throw new UnsafePatternError('back-references (\\1, \\k<name>) are not allowed: they can make matching take exponential time');
			}
			if (next === 'b' || next === 'B') {
				this.i += 2;
				return { type: 'assertion' };
			}
			const escape = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|[\s\S])/.exec(p.slice(this.i));
			const source = escape ? escape[0] : '\\';
			this.i += source.length;
			return { type: 'chars', source, literal: !/^\\[dDwWsSpP]/.test(source) };
		}
		const cp = p.codePointAt(this.i) ?? 0;
		const ch = String.fromCodePoint(cp);
		this.i += ch.length;
		return { type: 'chars', source: ch === '.' ? '.' : ch, literal: ch !== '.' };
	}

	private quantifier(): [number, number] {
		const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(this.p.slice(this.i));
		if (!m) return [1, 1];
		this.i += m[0].length;
		if (m[1] === '*') return [0, Infinity];
		if (m[1] === '+') return [1, Infinity];
		if (m[1] === '?') return [0, 1];
		const min = Number(m[2]);
		if (m[3] === undefined) return [min, min];
		return [min, m[4] === '' ? Infinity : Number(m[4])];
	}
}

const isQuantified = (t: Term): boolean => t.min !== 1 || t.max !== 1;

function literalText(branch: Term[]): string | undefined {
	let text = '';
	for (const t of branch) {
		if (t.atom.type !== 'chars' || !t.atom.literal || isQuantified(t)) return undefined;
		text += t.atom.source.startsWith('\\') ? t.atom.source.slice(1) : t.atom.source;
	}
	return text;
}

/** Checks the inside of a repeated group: no repetition within, no ambiguous alternation. */
function checkRepeatedBody(alternatives: Term[][], flags: string): void {
	if (alternatives.length > 1) {
		const texts = alternatives.map(literalText);
		const fold = (s: string): string => (flags.includes('i') ? s.toLowerCase() : s);
		const ok =
			texts.every((t): t is string => t !== undefined && t.length > 0) &&
			texts.every((a, i) => texts.every((b, j) => i === j || !fold(b).startsWith(fold(a))));
		if (!ok) {
			throw new UnsafePatternError(
				'alternation inside a repeated group is only allowed between plain, distinct words such as (red|blue)+: branches that can match the same text make matching take exponential time',
			);
		}
	}
	for (const branch of alternatives) {
		for (const t of branch) {
			if (isQuantified(t)) {
				throw new UnsafePatternError(
					'nested repetition such as (a+)+ or (\\w+\\s?)* is not allowed: it can make matching take exponential time; repeat a single character or character class instead',
				);
			}
			if (t.atom.type === 'group') checkRepeatedBody(t.atom.alternatives, flags);
		}
	}
}

const overlapCache = new Map<string, boolean>();

/** Whether two single-character matchers accept a common character (checked over the BMP). */
function overlaps(a: string, b: string, flags: string): boolean {
	const key = `${flags}\u0000${a}\u0000${b}`;
	let result = overlapCache.get(key);
	if (result === undefined) {
		let ra: RegExp;
		let rb: RegExp;
		try {
			ra = new RegExp(`^(?:${a})$`, flags);
			rb = new RegExp(`^(?:${b})$`, flags);
		} catch {
			return true; // cannot tell: refuse rather than risk it
		}
		result = false;
		for (let code = 0; code <= 0xffff && !result; code++) {
			const ch = String.fromCharCode(code);
			result = ra.test(ch) && rb.test(ch);
		}
		if (overlapCache.size > 1000) overlapCache.clear();
		overlapCache.set(key, result);
	}
	return result;
}

function checkSequence(alternatives: Term[][], flags: string): void {
	for (const branch of alternatives) {
		for (let k = 0; k < branch.length; k++) {
			const t = branch[k];
			if (t.atom.type === 'group') {
				if (t.max > 1) checkRepeatedBody(t.atom.alternatives, flags);
				checkSequence(t.atom.alternatives, flags);
			}
			const next = branch[k + 1];
			if (next && t.max === Infinity && next.max === Infinity && t.atom.type === 'chars' && next.atom.type === 'chars') {
				if (overlaps(t.atom.source, next.atom.source, flags)) {
					throw new UnsafePatternError(
						`adjacent repetitions of overlapping characters (${t.atom.source}${t.max === Infinity ? '…' : ''} then ${next.atom.source}…) can make matching slow on long texts; merge them into one`,
					);
				}
			}
		}
	}
}

/** Compiles a `$regex` after checking it; throws UnsafePatternError or SyntaxError-derived messages. */
export function compileSafeRegex(pattern: string, flags = ''): RegExp {
	if (pattern.length > MAX_PATTERN_LENGTH) {
		throw new UnsafePatternError(`the pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`);
	}
	if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
		throw new UnsafePatternError(`options "${flags}" are not allowed; use any of i (ignore case), m (multi-line), s (dot matches newlines), u (unicode)`);
	}
	let re: RegExp;
	try {
		re = new RegExp(pattern, flags);
	} catch (error) {
		throw new UnsafePatternError(`not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
	}
	checkSequence(new Parser(pattern).alternatives(), flags);
	return re;
}
