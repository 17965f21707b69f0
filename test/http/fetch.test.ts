/** The http suite through the fetch adapter. */
import { httpSuite } from './suite.js';

httpSuite('fetch');
