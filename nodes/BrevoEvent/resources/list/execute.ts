import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { createList, getLists, listFolders, type ContactList } from '../../../core/brevo';
import { optionalText, optionsOf, text } from '../../shared/params';
import type { ResourceOperations, RunContext } from '../../shared/types';

/** A folder ID parameter: empty → undefined; otherwise a positive whole number. */
function folderIdOf(run: RunContext, value: unknown, field: string, i: number): number | undefined {
	const raw = optionalText(value);
	if (raw === undefined) return undefined;
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(run.ctx.getNode(), `"${raw}" in ${field} is not a Brevo folder ID`, {
			itemIndex: i,
			description: 'Folder IDs are whole numbers; pick the folder from the drop-down, or find its ID in Brevo under Contacts → Lists.',
		});
	}
	return id;
}

const toJson = (list: ContactList): IDataObject => ({ ...list });

export const listOperations: ResourceOperations = {
	getAll: {
		kind: 'many',
		run: async (run, i) => {
			const { ctx, client } = run;
			const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? undefined : Number(ctx.getNodeParameter('limit', i, 50));
			const folderId = folderIdOf(run, optionsOf(ctx, 'filters', i).folderId, 'Folder', i);
			const lists = await getLists(client, { folderId, limit, withFolderNames: true });
			return lists.map(toJson);
		},
	},
	create: {
		kind: 'item',
		run: async (run, i) => {
			const { ctx, client } = run;
			const given = folderIdOf(run, ctx.getNodeParameter('folderId', i, ''), 'Folder', i);
			// Every Brevo account has at least one folder; the oldest is the one Brevo made with it.
			const folders = await listFolders(client);
			const folder = given === undefined ? folders[0] : folders.find((f) => f.id === given);
			if (!folder) {
				throw new NodeOperationError(ctx.getNode(), given === undefined ? 'The Brevo account has no contact folder to put the list in' : `Brevo has no folder ${given}`, {
					itemIndex: i,
					description: 'Create a folder in Brevo under Contacts → Lists, or pick one from the Folder drop-down.',
				});
			}
			const ifNameExists = ctx.getNodeParameter('ifNameExists', i, 'reuse') as 'reuse' | 'create';
			const result = await createList(client, { name: text(ctx, 'name', i), folderId: folder.id, ifNameExists });
			const folderName = folders.find((f) => f.id === result.list.folderId)?.name;
			return { created: result.created, ...toJson(result.list), ...(folderName !== undefined ? { folderName } : {}) };
		},
	},
};
