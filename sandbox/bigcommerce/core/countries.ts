/** Country names BigCommerce shows for ISO codes the sample store uses; unknown codes show the code. */
const NAMES: Record<string, string> = {
	US: 'United States',
	CA: 'Canada',
	MX: 'Mexico',
	GB: 'United Kingdom',
	IE: 'Ireland',
	DE: 'Germany',
	FR: 'France',
	ES: 'Spain',
	IT: 'Italy',
	NL: 'Netherlands',
	BE: 'Belgium',
	AU: 'Australia',
	NZ: 'New Zealand',
	JP: 'Japan',
	BR: 'Brazil',
};

export function countryName(code: string): string {
	return NAMES[code.toUpperCase()] ?? code.toUpperCase();
}
