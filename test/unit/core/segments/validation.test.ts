import { compileSegments, parseRowSegments, parseSegmentDefinitions, SegmentDefinitionError } from '../../../../nodes/core/segments';

function errorOf(definitions: unknown): string {
	try {
		parseSegmentDefinitions(definitions);
	} catch (error) {
		expect(error).toBeInstanceOf(SegmentDefinitionError);
		return (error as Error).message;
	}
	throw new Error('expected a definition error');
}

const one = (conditions: unknown, name = 'Test'): unknown => [{ name, conditions }];

describe('definition errors name the segment and the path', () => {
	it('a malformed relative date', () => {
		expect(errorOf(one({ last_order_date: { $lt: '-90 dayz' } }, 'At-Risk Customers'))).toBe(
			'Segment "At-Risk Customers": conditions.last_order_date.$lt: "-90 dayz" is not a date or relative date: write a sign, a whole number and a unit (minutes, hours, days, weeks, months, years), e.g. "-90 days"',
		);
		expect(errorOf(one({ d: { $gte: '90 days' } }))).toMatch(/conditions\.d\.\$gte: "90 days" is not a date or relative date: write "-90 days" for the past or "\+90 days" for the future/);
		expect(errorOf(one({ d: { $gte: 'this_decade' } }))).toMatch(/conditions\.d\.\$gte: "this_decade" is not a date or relative date/);
		expect(errorOf(one({ d: { $gte: '2024-02-30' } }))).toMatch(/conditions\.d\.\$gte: "2024-02-30" is not a valid date/);
	});

	it('unknown and code-running operators', () => {
		expect(errorOf(one({ a: { $foo: 1 } }))).toMatch(/^Segment "Test": conditions\.a\.\$foo: unknown operator "\$foo"; supported: \$eq/);
		expect(errorOf(one({ $where: 'this.a > 1' }))).toBe('Segment "Test": conditions.$where: $where is not supported: segment conditions never run code');
		expect(errorOf(one({ a: { $expr: {} } }))).toMatch(/\$expr is not supported/);
		expect(errorOf(one({ $text: { $search: 'x' } }))).toMatch(/unknown operator "\$text"/);
		expect(errorOf(one({ a: { $or: [] } }))).toMatch(/\$or belongs at the top level/);
	});

	it('malformed operands, with the path through logical operators', () => {
		expect(errorOf(one({ $or: [{ a: 1 }, { b: { $in: 'VIP' } }] }))).toBe('Segment "Test": conditions.$or[1].b.$in: "VIP" is not a list; $in needs one, e.g. ["VIP", "Wholesale"]');
		expect(errorOf(one({ $and: [] }))).toMatch(/conditions\.\$and: \$and needs a non-empty list/);
		expect(errorOf(one({ $nor: { a: 1 } }))).toMatch(/\$nor needs a non-empty list/);
		expect(errorOf(one({ a: { $gt: true } }))).toMatch(/conditions\.a\.\$gt: true cannot be compared/);
		expect(errorOf(one({ a: { $gt: null } }))).toMatch(/cannot be compared/);
		expect(errorOf(one({ a: { $exists: 'yes' } }))).toMatch(/conditions\.a\.\$exists: "yes" is not true or false/);
		expect(errorOf(one({ a: { $size: -1 } }))).toMatch(/is not a whole number of items/);
		expect(errorOf(one({ a: { $size: 1.5 } }))).toMatch(/is not a whole number of items/);
		expect(errorOf(one({ a: { $elemMatch: {} } }))).toMatch(/\$elemMatch: \{\} is not a non-empty object/);
		expect(errorOf(one({ a: { $not: 5 } }))).toMatch(/\$not: 5 is not an operator object/);
		expect(errorOf(one({ a: { $regex: 5 } }))).toMatch(/\$regex: 5 is not a text pattern/);
		expect(errorOf(one({ a: { $options: 'i' } }))).toMatch(/\$options only goes with \$regex/);
		expect(errorOf(one({ a: { $regex: 'x', $options: 'g' } }))).toMatch(/options "g" are not allowed/);
		expect(errorOf(one({ a: { $regex: '(' } }))).toMatch(/not a valid regular expression/);
		expect(errorOf(one({ a: { $gt: 1, b: 2 } }))).toMatch(/mixes operators \(\$gt\) with field names \(b\)/);
		expect(errorOf(one({ a: { $elemMatch: { b: { $size: 'two' } } } }))).toMatch(/conditions\.a\.\$elemMatch\.b\.\$size: "two"/);
		expect(errorOf(one({ a: { $in: [1, () => 1] } }))).toMatch(/conditions\.a\.\$in\[1\]: .* is not a value a profile can hold/);
		expect(errorOf(one({ a: { $eq: Number.NaN } }))).toMatch(/is not a finite number/);
	});

	it('bad field paths', () => {
		expect(errorOf(one({ 'a..b': 1 }))).toMatch(/conditions\.a\.\.b: "a\.\.b" has an empty part/);
		expect(errorOf(one({ 'a.$b': 1 }))).toMatch(/"\$b" in "a\.\$b" is not a field name/);
		expect(errorOf(one({ 'constructor.name': 'Object' }))).toMatch(/"constructor" is not allowed in a field path/);
		expect(errorOf(one({ 'a.prototype': 1 }))).toMatch(/"prototype" is not allowed/);
		expect(errorOf(one({ ['x'.repeat(300)]: 1 }))).toMatch(/longer than 256 characters/);
	});

	it('the list and segment envelope', () => {
		expect(errorOf('')).toMatch(/no segments are defined/);
		expect(errorOf('[{"name": "A", conditions: {}}]')).toMatch(/^the segment definitions are not valid JSON/);
		expect(errorOf({ name: 'A', conditions: {} })).toMatch(/segments must be a list/);
		expect(errorOf([])).toMatch(/the list of segments is empty/);
		expect(errorOf([{ conditions: {} }])).toBe('Segment "#1": name is missing');
		expect(errorOf([{ name: 'A', conditions: {} }, { name: '  ', conditions: {} }])).toBe('Segment "#2": name is empty');
		expect(errorOf([{ name: 'A', condition: { a: 1 } }])).toBe('Segment "A": unknown key "condition" (a segment has only "name" and "conditions")');
		expect(errorOf([{ name: 'A', conditions: [] }])).toMatch(/^Segment "A": conditions must be an object/);
		expect(errorOf([{ name: 'A', conditions: {} }, { name: 'A', conditions: {} }])).toBe('Segment "A": the name is used by segments 1 and 2; names must be unique');
		expect(errorOf(Array.from({ length: 201 }, (_, i) => ({ name: `S${i}`, conditions: {} })))).toMatch(/at most 200 segments/);
	});

	it('accepts every operator of the language', () => {
		const all = {
			a: 1,
			b: { $eq: 'x', $ne: 'y', $gt: 1, $gte: 'a', $lt: '-2 weeks', $lte: '2024-01-31' },
			c: { $in: [1, 'x', null, [1], { k: 1 }], $nin: [] },
			d: { $exists: true, $size: 2, $regex: '^a', $options: 'i' },
			e: { $elemMatch: { f: { $not: { $gt: 1 } } } },
			$and: [{ g: 1 }],
			$or: [{ h: 1 }],
			$nor: [{ i: 1 }],
		};
		expect(() => compileSegments(one(all))).not.toThrow();
	});
});

describe('segments built from UI rows', () => {
	it('combines rows with AND or OR', () => {
		const segments = parseRowSegments([
			{ name: 'Repeat VIP', combine: 'and', rows: [{ field: 'orders_count', operator: 'gte', value: '2' }, { field: 'customer_group', operator: 'equals', value: 'VIP' }] },
			{ name: 'VIP or Big', combine: 'or', rows: [{ field: 'customer_group', operator: 'equals', value: 'VIP' }, { field: 'total_spent', operator: 'gte', value: '1000' }] },
		]);
		expect(segments.map((s) => s.name)).toEqual(['Repeat VIP', 'VIP or Big']);
		expect(segments[0].condition).toEqual({
			kind: 'and',
			parts: [
				{ kind: 'field', path: ['orders_count'], test: { op: 'range', comparison: 'gte', operand: { type: 'number', value: 2 } } },
				{ kind: 'field', path: ['customer_group'], test: { op: 'eq', value: 'VIP' } },
			],
		});
		expect(segments[1].condition.kind).toBe('or');
	});

	it('types values: automatic, text, number, boolean, JSON, lists and patterns', () => {
		const [s] = parseRowSegments([
			{
				name: 'All kinds',
				rows: [
					{ field: 'zip', operator: 'equals', value: '01234', valueType: 'string' },
					{ field: 'count', operator: 'equals', value: '3' },
					{ field: 'flag', operator: 'equals', value: 'true' },
					{ field: 'group', operator: 'in', value: 'VIP, Wholesale, 3' },
					{ field: 'tags', operator: 'notIn', value: '["a", 1]' },
					{ field: 'email', operator: 'regex', value: '/@EXAMPLE\\.com$/i' },
					{ field: 'name', operator: 'notRegex', value: '^test' },
					{ field: 'phone', operator: 'notExists' },
					{ field: 'items', operator: 'size', value: '2' },
					{ field: 'last_order_date', operator: 'lt', value: '-90 days' },
					{ field: 'meta', operator: 'equals', value: '{"a": [1]}', valueType: 'json' },
				],
			},
		]);
		const parts = (s.condition as { parts: Array<{ test: Record<string, unknown> }> }).parts.map((p) => p.test);
		expect(parts[0]).toEqual({ op: 'eq', value: '01234' });
		expect(parts[1]).toEqual({ op: 'eq', value: 3 });
		expect(parts[2]).toEqual({ op: 'eq', value: true });
		expect(parts[3]).toEqual({ op: 'in', values: ['VIP', 'Wholesale', 3] });
		expect(parts[4]).toEqual({ op: 'nin', values: ['a', 1] });
		expect(parts[5]).toMatchObject({ op: 'regex', regex: /@EXAMPLE\.com$/i });
		expect(parts[6]).toMatchObject({ op: 'not', tests: [{ op: 'regex', regex: /^test/ }] });
		expect(parts[7]).toEqual({ op: 'exists', value: false });
		expect(parts[8]).toEqual({ op: 'size', size: 2 });
		expect(parts[9]).toMatchObject({ op: 'range', comparison: 'lt', operand: { type: 'relative', text: '-90 days' } });
		expect(parts[10]).toEqual({ op: 'eq', value: { a: [1] } });
	});

	it('names the segment and the row in errors', () => {
		const bad = (rows: Array<Record<string, unknown>>, name = 'Row Test'): string => {
			try {
				parseRowSegments([{ name, rows: rows as never }]);
			} catch (error) {
				return (error as Error).message;
			}
			throw new Error('expected an error');
		};
		expect(bad([{ field: 'a', operator: 'equals', value: 1 }, { field: 'last_order_date', operator: 'lt', value: '-90 dayz' }])).toMatch(
			/^Segment "Row Test": condition 2: last_order_date\.\$lt: "-90 dayz" is not a date or relative date/,
		);
		expect(bad([{ field: 'total', operator: 'gt', value: 'abc', valueType: 'number' }])).toBe('Segment "Row Test": condition 1: "abc" is not a number');
		expect(bad([{ field: '', operator: 'equals', value: 'x' }])).toMatch(/condition 1: the field is empty/);
		expect(bad([{ field: 'a', operator: 'approximately', value: 'x' }])).toMatch(/condition 1: unknown operator "approximately"/);
		expect(bad([{ field: 'a', operator: 'regex', value: '(a+)+' }])).toMatch(/condition 1: a\.\$regex: "\(a\+\)\+": nested repetition/);
		expect(bad([])).toBe('Segment "Row Test": the segment has no conditions; add at least one');
		expect(() => parseRowSegments([])).toThrow(/no segments are defined/);
		expect(() => parseRowSegments([{ name: '', rows: [{ field: 'a', operator: 'exists' }] }])).toThrow(/Segment "#1": the segment has no name/);
		expect(() =>
			parseRowSegments([
				{ name: 'A', rows: [{ field: 'a', operator: 'exists' }] },
				{ name: 'A', rows: [{ field: 'a', operator: 'exists' }] },
			]),
		).toThrow(/Segment "A": the name is used by more than one segment/);
	});
});
