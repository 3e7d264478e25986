// Entry of a native proof worker thread: registers the TypeScript loader in this thread
// (as harness/bin/prove-worker.mjs does), then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./nativeWorker.ts');
