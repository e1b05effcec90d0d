import type { IDataObject } from 'n8n-workflow';
import { ensureAttributes, TAJO_ATTRIBUTES, type WantedAttribute } from '../../../core/brevo';
import { optionalText } from '../../shared/params';
import type { ResourceOperations } from '../../shared/types';

export const attributeOperations: ResourceOperations = {
	ensure: {
		kind: 'item',
		run: async ({ ctx, client }, i) => {
			const wanted: WantedAttribute[] = ctx.getNodeParameter('includeTajo', i, true) ? [...TAJO_ATTRIBUTES] : [];
			const rows = ((ctx.getNodeParameter('moreAttributes', i, {}) as IDataObject).values as IDataObject[] | undefined) ?? [];
			for (const row of rows) {
				const name = optionalText(row.name);
				if (name) wanted.push({ name, type: (row.type as WantedAttribute['type']) ?? 'text' });
			}
			const result = await ensureAttributes(client, wanted);
			const json: IDataObject = { ...result };
			if (result.typeMismatches.length) {
				json.warning = `These attributes exist with another type, which Brevo cannot change: ${result.typeMismatches
					.map((m) => `${m.name} is ${m.actualType}, not ${m.wantedType}`)
					.join('; ')}. Values of the other type are ignored; delete and recreate the attribute in Brevo if that is intended.`;
			}
			return json;
		},
	},
};
