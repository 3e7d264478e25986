// Entry of a campaign worker thread (`vigil run --workers N`): registers the TypeScript
// loader in this thread, as vigil.mjs does in the main one, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('../src/campaign/campaignWorker.ts');
