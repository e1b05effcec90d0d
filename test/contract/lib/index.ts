// Contract-test spec validator: checks emulator responses against BigCommerce's and Brevo's
// published API descriptions (kept outside this repo, see specs-root.ts).
export { specsRoot, specFilePath, REPO_ROOT, SPECS_DIR_ENV, SKIP_ENV } from './specs-root';
export { loadSpec, type LoadedSpec, type SpecOperation } from './spec';
export { findOperation } from './paths';
export { validateResponse, expectResponseMatchesSpec, type ResponseUnderTest, type ResponseCheck } from './responses';
export { loadWiremock, findWiremockStub, expectShapeLike, shapeDifferences, WIREMOCK_FILE, type WiremockStub, type ShapeOptions } from './wiremock';
export { validateAgainstSchemaFile, expectMatchesSchemaFile, validateWebhookPayload, webhookCallbackModel, type SchemaCheck } from './schema-file';
export { describeContract, contractTestsSkipped } from './describe-contract';
export { appliedPatches, ignoredFormats } from './validator';
export type { Patch } from './schema-convert';
