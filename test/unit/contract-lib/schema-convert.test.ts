// OpenAPI -> JSON Schema conversion and the normalisation patches, on small inline schemas
// (no spec files needed).
import type { Json } from '../../contract/lib/documents';
import { bundleSchema } from '../../contract/lib/schema-convert';
import { appliedPatches, ignoredFormats, validateAt } from '../../contract/lib/validator';

let counter = 0;
/** Validates `data` against an inline schema; a fresh object each time, so nothing is cached across cases. */
function check(schema: Json, data: unknown): string[] {
	counter++;
	return validateAt({ rel: `inline-${counter}.yml`, pointer: '', value: JSON.parse(JSON.stringify(schema)) as Json }, data);
}

describe('contract-lib: schema conversion', () => {
	it('nullable (OAS3) and x-nullable (Swagger 2) accept null, including on enums and compositions', () => {
		expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
		expect(check({ type: 'string' }, null)).toEqual(['(root): must be string (value: null)']);
		expect(check({ type: 'string', enum: ['a'], nullable: true }, null)).toEqual([]);
		expect(check({ type: 'integer', 'x-nullable': true }, null)).toEqual([]);
		expect(check({ allOf: [{ type: 'object' }], nullable: true }, null)).toEqual([]);
		expect(check({ allOf: [{ type: 'object' }], nullable: true }, 'x')).not.toEqual([]);
	});

	it('boolean exclusiveMinimum/Maximum (draft-04 style) keep their meaning', () => {
		const schema = { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false };
		expect(check(schema, 0)).toEqual(['(root): must be > 0 (value: 0)']);
		expect(check(schema, 10)).toEqual([]);
	});

	it('reads oneOf as anyOf, so overlapping alternatives do not reject a body', () => {
		const schema: Json = { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }] };
		expect(check(schema, { a: 'x', b: 'y' })).toEqual([]);
		expect(check(schema, 5).length).toBeGreaterThan(0);
	});

	it('does not require writeOnly properties in responses', () => {
		const schema = { type: 'object', required: ['id', 'password'], properties: { id: { type: 'integer' }, password: { type: 'string', writeOnly: true } } };
		expect(check(schema, { id: 1 })).toEqual([]);
		expect(check(schema, {})).toEqual(["(root): must have required property 'id' (value: {})"]);
	});

	it('drops examples, vendor extensions and discriminators without loosening types', () => {
		const schema = { type: 'object', discriminator: { propertyName: 'kind' }, 'x-internal': true, example: { id: 'x' }, properties: { id: { type: 'integer', example: 'not-an-int', xml: { name: 'i' } } } };
		expect(check(schema, { id: 1 })).toEqual([]);
		expect(check(schema, { id: '1' })).toEqual(['/id: must be integer (value: "1")']);
	});

	it('validates known formats (ajv-formats) and ignores unknown ones, listing them', () => {
		expect(check({ type: 'string', format: 'date-time' }, 'yesterday')).toEqual(['(root): must match format "date-time" (value: "yesterday")']);
		expect(check({ type: 'integer', format: 'int32' }, 2 ** 40)).toEqual([`(root): must match format "int32" (value: ${2 ** 40})`]);
		expect(check({ type: 'string', format: 'time' }, '01:20:00')).toEqual([]); // see validator.ts: offset optional
		expect(check({ type: 'string', format: 'tajo-unknown-format' }, 'anything')).toEqual([]);
		expect(ignoredFormats()).toContain('tajo-unknown-format');
	});

	describe('normalisation patches', () => {
		const rules = (schema: Json) => bundleSchema({ rel: 'inline.yml', pointer: '', value: schema }).patches.map((p) => `${p.rule}: ${p.detail}`);

		it('invalid-type: type date becomes string; unknown types drop the constraint', () => {
			expect(rules({ type: 'date' })).toEqual(['invalid-type: type: date -> string']);
			expect(check({ type: 'date' }, '2024-01-01')).toEqual([]);
			expect(check({ type: 'date' }, 5)).toEqual(['(root): must be string (value: 5)']);
			expect(check({ type: 'file' }, 5)).toEqual([]);
		});

		it('invalid-pattern: unicode-invalid identity escapes are unescaped, hopeless patterns dropped', () => {
			expect(rules({ type: 'string', pattern: '^[a-z_\\ -]+$' })).toEqual(['invalid-pattern: pattern "^[a-z_\\\\ -]+$" -> "^[a-z_ -]+$" (identity escapes are invalid with the u flag)']);
			expect(check({ type: 'string', pattern: '^[a-z_\\ -]+$' }, 'a b')).toEqual([]);
			expect(check({ type: 'string', pattern: '^[a-z_\\ -]+$' }, 'A!')).toEqual(['(root): must match pattern "^[a-z_ -]+$" (value: "A!")']);
			expect(rules({ type: 'string', pattern: '([' })).toEqual(['invalid-pattern: pattern "([" dropped: not a valid regular expression']);
		});

		it('boolean-required, keyword-type, non-schema-value, unknown-keyword, properties-allOf', () => {
			expect(rules({ type: 'string', required: true })).toEqual(['boolean-required: required: true on a schema']);
			expect(rules({ type: 'string', maxLength: '3' })).toEqual(["keyword-type: maxLength: '3' -> 3"]);
			expect(check({ type: 'string', maxLength: '3' }, 'abcd')).toEqual(['(root): must NOT have more than 3 characters (value: "abcd")']);
			expect(rules({ type: 'object', properties: { a: 'string' } })).toEqual(['non-schema-value: expected a schema object, found "string"']);
			expect(rules({ type: 'object', Partner: {} })).toEqual(['unknown-keyword: dropped unknown keyword "Partner"']);
			expect(rules({ type: 'object', properties: { allOf: [{ required: ['a'] }] } })).toEqual(['properties-allOf: properties.allOf hoisted to allOf']);
			expect(check({ type: 'object', properties: { allOf: [{ required: ['a'] }] } }, {})).toEqual(["(root): must have required property 'a' (value: {})"]);
		});

		it('records applied patches globally (deduplicated) for reports', () => {
			check({ type: 'datetime' }, 'x');
			expect(appliedPatches()).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'invalid-type', detail: 'type: datetime -> string' })]));
		});
	});
});
