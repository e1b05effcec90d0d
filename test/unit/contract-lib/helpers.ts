// Test-only helpers for the contract-lib unit tests.
import { deref, isObject, joinPointer } from '../../contract/lib/documents';
import type { LoadedSpec } from '../../contract/lib';
import { validatorAt } from '../../contract/lib/validator';

/** Compiles every response body schema of a spec; returns how many there were. */
export function compileAllResponseSchemas(spec: LoadedSpec): number {
	let count = 0;
	for (const op of spec.operations) {
		const responses = isObject(op.operation.responses) ? op.operation.responses : {};
		for (const [status, value] of Object.entries(responses)) {
			const response = deref({ rel: op.location.rel, pointer: joinPointer(op.location.pointer, 'responses', status), value });
			if (!isObject(response.value)) continue;
			if (spec.dialect === 'swagger2') {
				if (response.value.schema === undefined) continue;
				validatorAt({ rel: response.rel, pointer: joinPointer(response.pointer, 'schema'), value: response.value.schema });
				count++;
				continue;
			}
			const content = isObject(response.value.content) ? response.value.content : {};
			for (const [mediaType, media] of Object.entries(content)) {
				if (!isObject(media) || media.schema === undefined) continue;
				validatorAt({ rel: response.rel, pointer: joinPointer(response.pointer, 'content', mediaType, 'schema'), value: media.schema });
				count++;
			}
		}
	}
	return count;
}
