/** The dashboard suite through the Koa adapter. */
import { dashboardSuite } from './suite.js';

dashboardSuite('koa');
