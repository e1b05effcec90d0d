/**
 * API accounts: each access token belongs to a client id. BigCommerce scopes webhooks to the
 * client that created them, so a second token with another client id sees none of the first's hooks.
 */
export class TokenRegistry {
	private readonly tokens = new Map<string, string>();

	register(accessToken: string, clientId: string): void {
		if (!accessToken) throw new Error('accessToken must not be empty');
		this.tokens.set(accessToken, clientId);
	}

	revoke(accessToken: string): boolean {
		return this.tokens.delete(accessToken);
	}

	/** The client id of a token, or undefined when the token is unknown. */
	clientOf(accessToken: string | undefined): string | undefined {
		return accessToken === undefined ? undefined : this.tokens.get(accessToken);
	}

	list(): { accessToken: string; clientId: string }[] {
		return [...this.tokens].map(([accessToken, clientId]) => ({ accessToken, clientId }));
	}
}
