// Real n8n and PostgreSQL start in beforeAll; Jest's per-project testTimeout is not applied, so set it here.
jest.setTimeout(600_000);
