/**
 * Brevo takes phone numbers with their country code as `+33612345678` or `0033612345678` and
 * finds a contact by either spelling; we compare the bare digits.
 */
export function phoneDigits(value: string): string {
	const compact = value.replace(/[\s().-]/g, '');
	if (compact.startsWith('+')) return compact.slice(1);
	if (compact.startsWith('00')) return compact.slice(2);
	return compact;
}

/** 6 to 15 digits after the country-code prefix (E.164 allows at most 15). */
export function isValidPhone(value: string): boolean {
	return /^\d{6,15}$/.test(phoneDigits(value));
}
