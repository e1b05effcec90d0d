// Spec bugs fixed at one exact location (document#pointer of a schema), where a generic rule in
// schema-convert.ts would be too broad. Each entry says what the real API does instead.
export interface LocationPatch {
	at: string;
	drop: string[];
	why: string;
}

export const LOCATION_PATCHES: LocationPatch[] = [
	{
		// GET /v3/hooks: a store (or client_id) without webhooks answers `"data": []`, which
		// `minItems: 1` would reject.
		at: 'bigcommerce/current/reference/webhooks.v3.yml#/components/responses/webhooks_Resp/content/application~1json/schema/properties/data',
		drop: ['minItems'],
		why: 'GET /hooks returns an empty data array when no webhooks exist',
	},
];

const byLocation = new Map(LOCATION_PATCHES.map((p) => [p.at, p]));

export function locationPatch(rel: string, pointer: string): LocationPatch | undefined {
	return byLocation.get(`${rel}#${pointer}`);
}
