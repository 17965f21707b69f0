/** The store suite on postgres. */
import { registerStoreSuite } from './store-suite.js';

await registerStoreSuite('postgres');
