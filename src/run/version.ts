/** The model's version in every output (shared/model.md section 18). */
export { MODEL_VERSION } from './modelVersion';
