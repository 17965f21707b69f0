/** The dashboard suite through the fetch adapter. */
import { dashboardSuite } from './suite.js';

dashboardSuite('fetch');
