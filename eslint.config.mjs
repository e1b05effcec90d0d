// Lint: TypeScript everywhere, n8n's community-node rules for package.json, credentials and nodes,
// and a fence that keeps the domain core (nodes/core) free of n8n imports (DESIGN §3).
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';

const n8nRules = (configName) => n8nNodesBase.configs[configName].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '!eslint.config.mjs'] },
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nRules('community'),
			// The homepage/repository point at the project's future public home; no email is published.
			'n8n-nodes-base/community-package-json-author-email-missing': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nRules('credentials'),
			// The rule says itself it applies only to nodes inside n8n's repository (docs slugs);
			// community credentials link to full URLs.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		// A database connection, not an API: named like n8n's own Postgres/MySQL credentials.
		files: ['credentials/TajoLoyaltyDatabase.credentials.ts'],
		rules: {
			'n8n-nodes-base/cred-class-name-unsuffixed': 'off',
			'n8n-nodes-base/cred-class-field-name-unsuffixed': 'off',
			'n8n-nodes-base/cred-class-field-display-name-missing-api': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		ignores: ['nodes/core/**'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nRules('nodes'),
			// n8n-workflow 2.x types inputs/outputs as NodeConnectionTypes.Main; these two rules predate it.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// tajoLoyaltyDatabase is a database credential (see above), not an API key.
			'n8n-nodes-base/node-class-description-credentials-name-unsuffixed': 'off',
		},
	},
	{
		files: ['nodes/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['n8n-workflow', 'n8n-core', 'n8n-*', '../../*/**'], message: 'The domain core must not depend on n8n or on node adapters (DESIGN §3).' }] },
			],
		},
	},
];
