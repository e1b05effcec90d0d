import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listAttributes, listContactLists, listEmailTemplates, listFolders } from '../../core/brevo';
import { brevoClient } from '../shared/client';

/** Drop-downs filled from the user's Brevo account. */
export async function getAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const attributes = await listAttributes(await brevoClient(this));
	return attributes
		.filter((a) => a.category === 'normal' || a.category === 'category')
		.map((a) => ({ name: a.name, value: a.name, description: a.type ? `${a.type} attribute` : `${a.category} attribute` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await listContactLists(await brevoClient(this));
	return lists.map((l) => ({ name: `${l.name} (#${l.id})`, value: l.id })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const folders = await listFolders(await brevoClient(this));
	return folders.map((f) => ({ name: `${f.name} (#${f.id})`, value: f.id })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await listEmailTemplates(await brevoClient(this));
	return templates.map((t) => ({ name: `${t.name} (#${t.id})`, value: t.id })).sort((a, b) => a.name.localeCompare(b.name));
}
