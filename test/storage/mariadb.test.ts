/** The store suite on mariadb. */
import { registerStoreSuite } from './store-suite.js';

await registerStoreSuite('mariadb');
