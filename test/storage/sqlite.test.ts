/** The store suite on sqlite. */
import { registerStoreSuite } from './store-suite.js';

await registerStoreSuite('sqlite');
