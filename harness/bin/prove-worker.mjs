// Entry of a proof worker thread (`vigil prove`): registers the TypeScript loader in this
// thread, as vigil.mjs does in the main one, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('../src/prove/worker/proveWorker.ts');
