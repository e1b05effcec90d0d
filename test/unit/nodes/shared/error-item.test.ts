import { errorItem } from '../../../../nodes/shared/error-item';
import { takesErrorOutput } from '../support/error-output';

describe('errorItem (the Continue On Fail item of every node)', () => {
	it('is { error, details }, paired with its input item, so n8n’s error output takes it', () => {
		const item = errorItem('BigCommerce has no customer with ID 9.', { failure: 'not_found', status: 404 }, 3);
		expect(item).toEqual({ json: { error: 'BigCommerce has no customer with ID 9.', details: { failure: 'not_found', status: 404 } }, pairedItem: { item: 3 } });
		expect(takesErrorOutput(item)).toBe(true);
	});

	it('always has details (possibly empty), without undefined values', () => {
		expect(errorItem('bad', {}, 0).json).toEqual({ error: 'bad', details: {} });
		expect(errorItem('bad', { httpCode: undefined, failure: 'timeout' }, 0).json.details).toEqual({ failure: 'timeout' });
	});

	it('never has an empty error, which n8n would pass to the success output', () => {
		const item = errorItem('  ', {}, 0);
		expect(item.json.error).toBe('The node failed without a message');
		expect(takesErrorOutput(item)).toBe(true);
	});

	it('the rule it meets: an extra key beside error, message and details keeps an item on the success output', () => {
		expect(takesErrorOutput({ json: { error: 'x', message: 'y', details: {} } })).toBe(true);
		expect(takesErrorOutput({ json: { error: 'x', failure: 'not_found' } })).toBe(false);
		expect(takesErrorOutput({ json: { error: '' } })).toBe(false);
	});
});
