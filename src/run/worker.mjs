// Worker-thread entry for the run pool: loads the TypeScript task module through tsx, so the
// same code runs under `npm start`, the command line and vitest.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./task.ts');
export default runTask;
