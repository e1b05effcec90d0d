// The real-n8n harness for end-to-end tests (DESIGN §2, §9; issue 2 item 5). Typical use, one n8n
// per test file:
//
//   let n8n: N8nInstance;
//   beforeAll(async () => { n8n = await startN8n(); });
//   afterAll(async () => { await n8n?.stop(); });
export { startN8n, N8nInstance, OWNER, ENCRYPTION_KEY, n8nEnvironment, type StartN8nOptions, type StartTimings } from './n8n-instance';
export {
	N8nApi,
	N8nApiError,
	FINISHED_STATUSES,
	type CredentialTestResult,
	type Execution,
	type ExecutionStatus,
	type PublicationStatus,
	type StoredWorkflow,
	type WebhookResponse,
	type WorkflowJson,
} from './n8n-api';
export { nodeOutput, withCredentials } from './workflows';
export { readManifest, readExpectedTypes, type PackageManifest, type ExpectedTypes } from './package-manifest';
export { buildPackage, packPackage, type PackedPackage } from './package-tarball';
export { installCommunityPackage, nodesFolder, type InstallMethod } from './community-install';
export { ensureToolchain, node24Env, REPO_ROOT, type Toolchain } from './toolchain';
export { freePorts } from './ports';
