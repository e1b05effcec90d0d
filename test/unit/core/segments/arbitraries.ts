import fc from 'fast-check';

/**
 * Generators for the differential test: documents and queries within the operator set shared
 * with mingo, restricted to where both engines define the same result (see differential.test.ts
 * for each restriction and why).
 */

const FIELDS = ['a', 'b', 'c'];
// No text looks like a date or a relative date: those are compared as dates on purpose.
const TEXTS = ['x', 'y', 'xy', 'X', '', 'b'];
const DATES = [new Date('2024-01-31T00:00:00Z'), new Date('2024-02-01T00:00:00Z')];
const PATTERNS = ['^x', 'y$', 'x', '^$', 'X', '^(x|y)$', '[xy]+'];

type Ops = Record<string, unknown>;

/** `dates`: Date objects among values and comparison operands (instants for both engines). */
export function arbitraries({ dates = false } = {}): { doc: fc.Arbitrary<Record<string, unknown>>; query: (depth: number) => fc.Arbitrary<Record<string, unknown>> } {
	const scalars: Array<fc.Arbitrary<unknown>> = [
		fc.integer({ min: -2, max: 3 }),
		fc.constantFrom(0.5, -1.5),
		fc.constantFrom(...TEXTS),
		fc.boolean(),
		fc.constant(null),
	];
	if (dates) scalars.push(fc.constantFrom(...DATES));
	const scalar = fc.oneof(...scalars);
	const dict = <T>(value: fc.Arbitrary<T>, maxKeys: number, minKeys = 0): fc.Arbitrary<Record<string, T>> =>
		fc.dictionary(fc.constantFrom(...FIELDS), value, { minKeys, maxKeys, noNullPrototype: true });

	// Below an array no further arrays appear (difference 1).
	const value = (depth: number, belowArray: boolean): fc.Arbitrary<unknown> => {
		if (depth <= 0) return scalar;
		const options: Array<fc.Arbitrary<unknown>> = [scalar, scalar, object(depth - 1, belowArray)];
		if (!belowArray) options.push(fc.array(fc.oneof(scalar, object(depth - 1, true)), { maxLength: 3 }));
		return fc.oneof(...options);
	};
	const object = (depth: number, belowArray: boolean): fc.Arbitrary<Record<string, unknown>> => dict(value(depth, belowArray), 3);

	const path = fc
		.array(fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom('0', '1')), { minLength: 1, maxLength: 3 })
		.filter((p) => !/^\d/.test(p[0]))
		.map((p) => p.join('.'));
	const literal = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) }, { weight: 1, arbitrary: dict(scalar, 2) });
	const rangeOperand = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(0.5, ...TEXTS, ...(dates ? DATES : [])));

	const operators = (depth: number): fc.Arbitrary<Ops> => {
		const single: Array<fc.Arbitrary<Ops>> = [
			literal.map((v) => ({ $eq: v })),
			literal.map((v) => ({ $ne: v })),
			fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), rangeOperand).map(([op, v]) => ({ [op]: v })),
			fc.array(scalar, { maxLength: 3 }).map((v) => ({ $in: v })),
			fc.array(scalar, { maxLength: 3 }).map((v) => ({ $nin: v })),
			fc.boolean().map((v) => ({ $exists: v })),
			fc.tuple(fc.constantFrom(...PATTERNS), fc.constantFrom('', 'i')).map(([p, o]) => (o ? { $regex: p, $options: o } : { $regex: p })),
			fc.integer({ min: 0, max: 3 }).map((n) => ({ $size: n })),
		];
		if (depth > 0) {
			single.push(operators(depth - 1).map((o) => ({ $not: o })));
			single.push(operators(depth - 1).map((o) => ({ $elemMatch: o })));
			single.push(query(depth - 1).map((q) => ({ $elemMatch: q })));
		}
		const one = fc.oneof(...single);
		return fc.oneof({ weight: 3, arbitrary: one }, { weight: 1, arbitrary: fc.tuple(one, one).map(([x, y]) => ({ ...x, ...y })) });
	};

	const query = (depth: number): fc.Arbitrary<Record<string, unknown>> => {
		const fields = dict(fc.oneof({ weight: 1, arbitrary: literal }, { weight: 3, arbitrary: operators(depth) }), 2, 1);
		// dict() draws keys from FIELDS; dotted paths come from a second dictionary over paths.
		const paths = fc.dictionary(path, fc.oneof({ weight: 1, arbitrary: literal }, { weight: 3, arbitrary: operators(depth) }), {
			minKeys: 1,
			maxKeys: 2,
			noNullPrototype: true,
		});
		const fieldQuery = fc.oneof(fields, paths);
		if (depth <= 0) return fieldQuery;
		const logical = fc
			.tuple(fc.constantFrom('$and', '$or', '$nor'), fc.array(query(depth - 1), { minLength: 1, maxLength: 3 }))
			.map(([op, list]) => ({ [op]: list }));
		return fc.oneof({ weight: 3, arbitrary: fieldQuery }, { weight: 1, arbitrary: logical });
	};

	return { doc: object(3, false), query };
}
